using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Continuity;
using Relais.Domain.Professionals;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Appointments;

/// <summary>Where and how an appointment takes place, as the API and the forms send it (planning and re-scheduling alike).</summary>
public sealed record SlotInput(DateTimeOffset? At, Guid? HospitalId, string? Place, string? Performer, bool? Teleconsultation, string? TeleconsultationLink, string? PatientMeans);

/// <summary>Body of <c>POST /api/patients/{id}/appointments</c>: kind is kebab-case (<c>chemotherapy-cycle</c>), patientMeans <c>video</c> or <c>phone</c>.</summary>
public sealed record AppointmentInput(string? Kind, DateTimeOffset? At, Guid? HospitalId, string? Place, string? Performer, bool? Teleconsultation,
    string? TeleconsultationLink, string? PatientMeans, Guid? EpisodeId, Guid? ProgrammeId, int? PhaseOrder)
{
    public SlotInput Slot => new(At, HospitalId, Place, Performer, Teleconsultation, TeleconsultationLink, PatientMeans);
}

/// <summary>
/// Plans an appointment or a treatment cycle of the patient (issue 14 point 7): its date, place (an establishment or a
/// place), kind, performer, teleconsultation or not; optionally the episode and the PPS phase it carries out.
/// </summary>
public sealed class PlanAppointment(RelaisDb db, Clock clock)
{
    public async Task<AppointmentDto> HandleAsync(CurrentUser user, Guid patientId, AppointmentInput input, CancellationToken ct)
    {
        var kind = EnumCodes.Parse<AppointmentKind>(input.Kind, "kind");
        if (input.EpisodeId is { } episodeId && !await db.Episodes.AnyAsync(e => e.Id == episodeId && e.PatientId == patientId, ct))
            throw new DomainValidationException("episodeId", "Cet épisode n'est pas celui du patient.");
        if (input.ProgrammeId is { } programmeId && !await db.Programmes.AnyAsync(p => p.Id == programmeId && p.PatientId == patientId, ct))
            throw new DomainValidationException("programmeId", "Ce PPS n'est pas celui du patient.");
        var slot = await ToSlotAsync(db, input.Slot, ct);
        var appointment = Appointment.Plan(patientId, input.EpisodeId, input.ProgrammeId, input.PhaseOrder, kind, slot, user.Id, clock.Now);
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(ct);
        return (await AppointmentsQuery.ToDtosAsync(db, [appointment], [], clock.Today, ct))[0];
    }

    /// <summary>The slot as the domain takes it: a required instant, an establishment that is a hospital, a known means.</summary>
    internal static async Task<AppointmentSlot> ToSlotAsync(RelaisDb db, SlotInput input, CancellationToken ct)
    {
        if (input.At is not { } at) throw new DomainValidationException("at", "Indiquez la date et l'heure du rendez-vous.");
        if (input.HospitalId is { } hospitalId && !await db.Organisations.AnyAsync(o => o.Id == hospitalId && o.Kind == OrganisationKind.Hospital, ct))
            throw new DomainValidationException("hospitalId", "Cet établissement n'est pas un hôpital connu de Relais.");
        var tele = input.Teleconsultation == true;
        TeleconsultationMeans? means = tele && !string.IsNullOrWhiteSpace(input.PatientMeans) ? EnumCodes.Parse<TeleconsultationMeans>(input.PatientMeans, "patientMeans") : null;
        return new AppointmentSlot(at, input.HospitalId, input.Place, input.Performer, tele, input.TeleconsultationLink, means);
    }
}
