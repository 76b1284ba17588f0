using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients;

/// <summary>The checks that registering and updating a patient share, made before anything is written.</summary>
internal static class PatientChecks
{
    /// <summary>The declared GP must be a general practitioner known to Relais: the GP joins the care team.</summary>
    public static async Task EnsureGeneralPractitionerAsync(UserManager<RelaisUser> users, Guid? gpId)
    {
        if (gpId is not { } id) return;
        var gp = await users.FindByIdAsync(id.ToString());
        if (gp is null || !await users.IsInRoleAsync(gp, Roles.GeneralPractitioner))
            throw new DomainValidationException("generalPractitionerId", "Le médecin traitant choisi n'est pas un médecin généraliste connu de Relais.");
    }
}
