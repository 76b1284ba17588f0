using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Web.Features.Access;
using Relais.Domain.Continuity;
using Relais.Domain.Patients;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Features.Appointments;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Continuity.Deferrals;

/// <summary>
/// Body of <c>POST /api/patients/{id}/deferrals/{deferralId}/reschedule</c>: the new slot; a carnet item takes only the
/// date of <c>at</c>. <c>hospitalId</c> other than the appointment's is a transfer; <c>performerId</c> names the
/// professional of that hospital who takes the step (otherwise its hospital clinicians and nurse coordinators join).
/// </summary>
public sealed record RescheduleInput(DateTimeOffset? At, Guid? HospitalId, string? Place, string? Performer, bool? Teleconsultation, string? TeleconsultationLink,
    string? PatientMeans, Guid? PerformerId)
{
    public SlotInput Slot => new(At, HospitalId, Place, Performer, Teleconsultation, TeleconsultationLink, PatientMeans);
}

/// <param name="JoinedCareTeam">The professionals of the receiving hospital who joined the care team for this step (a transfer).</param>
public sealed record Rescheduled(DeferralDto Deferral, AppointmentDto? Appointment, DateOnly NewDate, bool Transfer, IReadOnlyList<Guid> JoinedCareTeam);

/// <summary>
/// Gives a deferred item its new date, which ends the deferral (PRODUCT.md §10): an appointment may become a
/// teleconsultation, or move to another hospital — a transfer, whose team joins the patient's care team for that step
/// through an ordinary, dated membership (the access rule reads it, and ends it after the step). The patient and the GP
/// are told the new date and how it takes place.
/// </summary>
public sealed class RescheduleCare(RelaisDb db, Clock clock, CareChangeNotices notices)
{
    public async Task<Rescheduled?> HandleAsync(CurrentUser user, Guid patientId, Guid deferralId, RescheduleInput input, CancellationToken ct)
    {
        var deferral = await db.Deferrals.FirstOrDefaultAsync(d => d.Id == deferralId && d.PatientId == patientId, ct);
        if (deferral is null) return null;
        if (!deferral.IsOpen) throw new DomainValidationException("deferralId", "Ce soin a déjà été reprogrammé.");
        if (input.At is not { } at) throw new DomainValidationException("at", "Indiquez la nouvelle date.");
        var now = clock.Now;
        var newDate = DateOnly.FromDateTime(Clock.ToParis(at).DateTime);
        if (newDate < clock.Today) throw new DomainValidationException("at", "La nouvelle date ne peut pas être passée.");
        AppointmentDto? dto = null;
        var transfer = false;
        List<Guid> joined = [];
        string forPatient, forGp;
        if (deferral.ItemKind == DeferredItemKind.Appointment)
        {
            var appointment = await db.Appointments.FirstAsync(a => a.Id == deferral.ItemId, ct);
            var slot = await PlanAppointment.ToSlotAsync(db, input.Slot, ct);
            transfer = slot.HospitalId is { } to && to != appointment.HospitalId;
            appointment.Reschedule(slot, now);
            if (transfer) joined = await JoinCareTeamAsync(user, patientId, slot.HospitalId!.Value, input.PerformerId, newDate, ct);
            var hospital = slot.HospitalId is { } h ? await db.Organisations.AsNoTracking().Where(o => o.Id == h).Select(o => o.Name).FirstAsync(ct) : null;
            var described = appointment.Describe(hospital, Clock.Paris);
            forPatient = $"Nouvelle date : {described}.";
            if (appointment.Teleconsultation)
                forPatient += appointment.PatientMeans == TeleconsultationMeans.Phone ? " Le soignant vous appellera à l'heure prévue." : $" Le jour venu, ouvrez le lien : {appointment.TeleconsultationLink}";
            if (transfer) forPatient += " L'équipe de cet établissement rejoint votre équipe de soins pour ce soin.";
            forGp = $"nouvelle date — {described}{(transfer ? " (transfert : l'équipe de cet établissement rejoint l'équipe de soins pour ce soin)" : "")}.";
            dto = (await AppointmentsQuery.ToDtosAsync(db, [appointment], [], clock.Today, ct))[0];
        }
        else
        {
            var item = await db.CarnetItems.FirstAsync(i => i.Id == deferral.ItemId, ct);
            item.Reschedule(newDate);
            forPatient = $"Nouvelle date pour {item.Kind.Label().ToLowerInvariant()} : le {newDate:dd/MM/yyyy}. Vous recevrez un rappel une semaine avant.";
            forGp = $"{item.Kind.Label()} reprogrammé(e) au {newDate:dd/MM/yyyy}.";
        }
        deferral.End(newDate, user.Id, now);
        await notices.AddAsync(new CareChange(deferral.Id, 1, patientId, forPatient, forGp), ct);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, transfer ? "care-transferred" : "care-rescheduled", AuditOutcomes.Allowed,
            $"deferral={deferral.Id}"));
        await db.SaveChangesAsync(ct);
        var what = dto?.KindLabel ?? "Examen du carnet";
        return new Rescheduled(DeferCare.ToDto(deferral, what, clock.Today), dto, newDate, transfer, joined);
    }

    /// <summary>
    /// The receiving hospital's professionals join the care team until <see cref="Appointment.TransferMembershipDaysAfterStep"/>
    /// days after the step: the named performer (who must work there), else its hospital clinicians and nurse coordinators.
    /// Those already members are left as they are.
    /// </summary>
    private async Task<List<Guid>> JoinCareTeamAsync(CurrentUser user, Guid patientId, Guid hospitalId, Guid? performerId, DateOnly stepDate, CancellationToken ct)
    {
        var staff = await (from u in db.Users
                           where u.OrganisationId == hospitalId && u.IsActive && (performerId == null || u.Id == performerId)
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == Roles.HospitalClinician || r.Name == Roles.NurseCoordinator
                           select new { u.Id, Nurse = r.Name == Roles.NurseCoordinator }).ToListAsync(ct);
        if (performerId is not null && staff.Count == 0)
            throw new DomainValidationException("performerId", "Ce professionnel n'exerce pas dans l'établissement choisi.");
        var today = clock.Today;
        var members = await db.CareTeamMembers.Where(CareTeamMember.ActiveNow(today)).Where(m => m.PatientId == patientId).Select(m => m.ProfessionalId).ToListAsync(ct);
        var joined = new List<Guid>();
        foreach (var s in staff.DistinctBy(s => s.Id).Where(s => !members.Contains(s.Id)))
        {
            db.CareTeamMembers.Add(CareTeamMember.Add(patientId, s.Id, s.Nurse ? CareTeamRole.NurseCoordinator : CareTeamRole.OtherPhysician, today,
                stepDate.AddDays(Appointment.TransferMembershipDaysAfterStep), user.Id, clock.Now));
            joined.Add(s.Id);
        }
        return joined;
    }
}
