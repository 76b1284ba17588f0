using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Professionals;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Symptoms.OnCall;

public sealed record OnCallShiftInput(Guid? PhysicianId, DateTimeOffset? Starts, DateTimeOffset? Ends);

public sealed record OnCallShiftDto(Guid Id, Guid PhysicianId, string Physician, DateTimeOffset Starts, DateTimeOffset Ends);

/// <summary>
/// The centre's on-call rota: a nurse coordinator or a hospital physician of a hospital plans a physician of the same
/// hospital on call for a period. Urgent triage alerts not acknowledged in time go to that physician.
/// </summary>
public sealed class PlanOnCallShift(RelaisDb db, Clock clock)
{
    public async Task<OnCallShiftDto> HandleAsync(CurrentUser user, OnCallShiftInput input, CancellationToken ct)
    {
        var centre = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.OrganisationId).FirstOrDefaultAsync(ct)
            ?? throw new DomainValidationException("physicianId", "Votre compte n'est rattaché à aucun établissement.");
        if (input.PhysicianId is not { } physicianId) throw new DomainValidationException("physicianId", "Choisissez le médecin de garde.");
        if (input.Starts is not { } starts) throw new DomainValidationException("starts", "Indiquez le début de la garde.");
        if (input.Ends is not { } ends) throw new DomainValidationException("ends", "Indiquez la fin de la garde.");
        var physician = await (from u in db.Users
                               where u.Id == physicianId && u.OrganisationId == centre && u.IsActive
                               join ur in db.UserRoles on u.Id equals ur.UserId
                               join r in db.Roles on ur.RoleId equals r.Id
                               where r.Name == Roles.HospitalClinician
                               select new { u.FirstName, u.LastName }).FirstOrDefaultAsync(ct)
            ?? throw new DomainValidationException("physicianId", "Le médecin de garde est un médecin hospitalier de votre établissement.");
        var shift = OnCallShift.Plan(centre, physicianId, starts.ToUniversalTime(), ends.ToUniversalTime(), user.Id, clock.Now);
        db.OnCallShifts.Add(shift);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, null, AuditActions.Write, "on-call-shift", AuditOutcomes.Allowed, $"shift={shift.Id};physician={physicianId}"));
        await db.SaveChangesAsync(ct);
        return new OnCallShiftDto(shift.Id, physicianId, RelaisUser.NameOf(physician.FirstName, physician.LastName), shift.Starts, shift.Ends);
    }
}
