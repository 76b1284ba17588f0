using Microsoft.AspNetCore.Identity;
using Relais.Domain;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.CareTeam;

/// <summary>Body of POST /api/patients/{id}/care-team. Without a start date, the member joins today.</summary>
public sealed record CareTeamInput(Guid? ProfessionalId, CareTeamRole? Role, DateOnly? From, DateOnly? To);

/// <summary>
/// Adds a health professional to a patient's care team for a period: a member reads and completes the
/// record during that period (the access rule, PRODUCT.md §2). The caller has the write right.
/// </summary>
public sealed class AddMember(RelaisDb db, Clock clock, UserManager<RelaisUser> users)
{
    public async Task<CareTeamMember> HandleAsync(CurrentUser user, Guid patientId, CareTeamInput input, CancellationToken ct)
    {
        if (input.ProfessionalId is not { } professionalId)
            throw new DomainValidationException("professionalId", "Choisissez le professionnel à ajouter.");
        if (input.Role is not { } role)
            throw new DomainValidationException("role", "Le rôle dans l'équipe est obligatoire.");
        var professional = await users.FindByIdAsync(professionalId.ToString());
        if (professional is null || !professional.IsActive)
            throw new DomainValidationException("professionalId", "Ce professionnel n'existe pas.");
        var professionalRoles = await users.GetRolesAsync(professional);
        if (!professionalRoles.Any(r => Roles.Professionals.Contains(r)))
            throw new DomainValidationException("professionalId", "Seul un professionnel de santé peut faire partie de l'équipe de soins.");
        var member = CareTeamMember.Add(patientId, professionalId, role, input.From ?? clock.Today, input.To, user.Id, clock.Now);
        db.CareTeamMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }
}
