using System.Text.Json.Nodes;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Features.Patients;
using Relais.Web.Features.Patients.Professionals;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Portal;

public sealed record GpChoice(Guid? GeneralPractitionerId);

/// <summary>
/// The patient declares or changes their GP from the portal (issue 11: the declared GP is the patient's choice).
/// The same change as the team's (<see cref="UpdatePatient"/>): the new GP joins the care team, the former one
/// leaves it, the change is audited; only the GP is named in the patch, so nothing else of the record moves.
/// </summary>
public sealed class ChooseMyGeneralPractitioner(UpdatePatient update, ProfessionalDirectory directory, CapabilityCheck capabilities, IServiceProvider services)
{
    public async Task HandleAsync(CurrentUser user, GpChoice choice, CancellationToken ct)
    {
        await capabilities.RequireAsync(user, Capability.ChooseOwnGeneralPractitioner, "Le patient choisit lui-même son médecin traitant depuis son espace.", ct);
        if (user.OwnPatientId is not { } own)
            throw new CapabilityRefusedException(Capability.ChooseOwnGeneralPractitioner, "Ce compte n'est relié à aucun dossier patient.");
        if (choice.GeneralPractitionerId is not { } gp) throw new DomainValidationException("generalPractitionerId", "Choisissez votre médecin traitant.");
        var patch = MergePatch.Only<PatientInput>(new JsonObject
        {
            ["generalPractitionerId"] = gp.ToString(),
            ["gpChangeAgreement"] = "choisi par le patient lui-même, depuis son espace",
        }, services);
        await update.HandleAsync(user, own, patch, null, ct);
    }

    /// <summary>The GPs a patient may choose, by name or town.</summary>
    public Task<List<ProfessionalListItem>> ChoicesAsync(string? search, CancellationToken ct) =>
        directory.ListAsync(Roles.GeneralPractitioner, search, ProfessionalDirectory.MaxTake, ct);
}
