using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Continuity;
using Relais.Web.Data;

namespace Relais.Web.Features.Appointments;

/// <summary>An open deferral as the record shows it beside its item.</summary>
public sealed record DeferralSummary(Guid Id, string Priority, string PriorityLabel, string Reason, DateOnly DecidedOn, DateOnly? Until, DateOnly Deadline, bool Overdue);

public sealed record AppointmentDto(Guid Id, Guid PatientId, string Kind, string KindLabel, DateTimeOffset At, Guid? HospitalId, string? Hospital, string? Place,
    string? Performer, bool Teleconsultation, string? TeleconsultationLink, string? PatientMeans, string Status, string StatusLabel, Guid? EpisodeId, Guid? ProgrammeId,
    int? PhaseOrder, int Reschedules, DeferralSummary? Deferral);

public sealed record AppointmentList(IReadOnlyList<AppointmentDto> Items, int Total);

/// <summary>The patient's appointments and treatment cycles, in date order, each with its open deferral.</summary>
public sealed class AppointmentsQuery(RelaisDb db, Clock clock)
{
    public async Task<AppointmentList> HandleAsync(Guid patientId, CancellationToken ct)
    {
        var appointments = (await db.Appointments.AsNoTracking().Where(a => a.PatientId == patientId).ToListAsync(ct)).OrderBy(a => a.At).ThenBy(a => a.Id).ToList();
        var deferrals = await db.Deferrals.AsNoTracking().Where(d => d.PatientId == patientId && d.EndedAt == null && d.ItemKind == DeferredItemKind.Appointment).ToListAsync(ct);
        var items = await ToDtosAsync(db, appointments, deferrals, clock.Today, ct);
        return new AppointmentList(items, items.Count);
    }

    internal static async Task<IReadOnlyList<AppointmentDto>> ToDtosAsync(RelaisDb db, IReadOnlyList<Appointment> appointments, IReadOnlyList<Deferral> deferrals,
        DateOnly today, CancellationToken ct)
    {
        var hospitalIds = appointments.Where(a => a.HospitalId != null).Select(a => a.HospitalId!.Value).Distinct().ToList();
        var hospitals = await db.Organisations.AsNoTracking().Where(o => hospitalIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return appointments.Select(a =>
        {
            var d = deferrals.FirstOrDefault(x => x.ItemId == a.Id);
            return new AppointmentDto(a.Id, a.PatientId, EnumCodes.Code(a.Kind), a.Kind.Label(), a.At, a.HospitalId, a.HospitalId is { } h ? hospitals.GetValueOrDefault(h) : null,
                a.Place, a.Performer, a.Teleconsultation, a.TeleconsultationLink, a.PatientMeans is { } m ? EnumCodes.Code(m) : null, EnumCodes.Code(a.Status), a.Status.Label(),
                a.EpisodeId, a.ProgrammeId, a.PhaseOrder, a.Reschedules, d is null ? null : Summary(d, today));
        }).ToList();
    }

    internal static DeferralSummary Summary(Deferral d, DateOnly today) =>
        new(d.Id, EnumCodes.Code(d.Priority), d.Priority.Label(), d.Reason, d.DecidedOn, d.Until, d.Deadline, d.IsOverdue(today));
}
