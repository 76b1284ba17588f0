using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.Protocols;

/// <summary>Body of a validation; <see cref="Revision"/> (or If-Match) refuses a validation of a version changed meanwhile.</summary>
public sealed record ValidationInput(ValidatorRole? Role, int? Revision = null);

/// <summary>A version is used only once validated by a specialist and by a GP representative [B].</summary>
public sealed class ValidateProtocol(RelaisDb db, Clock clock)
{
    /// <summary>The validated version's summary, or null when the version is unknown.</summary>
    public async Task<ProtocolSummary?> HandleAsync(CurrentUser user, string code, int version, ValidationInput input, CancellationToken ct)
    {
        var protocol = await db.Protocols.FirstOrDefaultAsync(p => p.Code == code && p.Version == version, ct);
        if (protocol is null) return null;
        protocol.EnsureRevision(input.Revision);
        var role = input.Role ?? (user.IsInRole(Roles.GeneralPractitioner) ? ValidatorRole.GeneralPractitioner : ValidatorRole.Specialist);
        if (role == ValidatorRole.GeneralPractitioner && !user.IsInRole(Roles.GeneralPractitioner))
            throw new DomainValidationException("role", "La validation « médecin généraliste » revient à un médecin généraliste.");
        if (role == ValidatorRole.Specialist && !user.IsInRole(Roles.HospitalClinician))
            throw new DomainValidationException("role", "La validation « spécialiste » revient à un médecin hospitalier.");
        var person = await db.Users.Where(u => u.Id == user.Id).Select(u => new { u.FirstName, u.LastName }).FirstAsync(ct);
        protocol.Validate(role, user.Id, RelaisUser.NameOf(person.FirstName, person.LastName), clock.Now);
        await db.SaveChangesAsync(ct);
        return ProtocolQueries.Summary(protocol);
    }
}
