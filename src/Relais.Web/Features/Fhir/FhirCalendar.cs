using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Continuity;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Features.Fhir;

/// <summary>
/// The follow-up calendar in FHIR R4: each item of the Carnet de Surveillance Alternée (a planned follow-up exam, due
/// by a date, not booked) as a ServiceRequest; each appointment of the Appointments feature (booked at an hour) as an
/// Appointment.
/// </summary>
public static class FhirCalendarMapper
{
    public const string SurveillanceKindSystem = "https://relais.sante.fr/fhir/CodeSystem/surveillance-kind";
    public const string PerformerSystem = "https://relais.sante.fr/fhir/CodeSystem/carnet-performer";
    public const string AppointmentKindSystem = "https://relais.sante.fr/fhir/CodeSystem/appointment-kind";

    private static R4.CodeableConcept Concept(string system, string code) => new() { Coding = [new R4.Coding(system, code)] };

    public static R4.RequestStatus StatusOf(CarnetItemStatus status) => status switch
    {
        CarnetItemStatus.Done => R4.RequestStatus.Completed,
        CarnetItemStatus.Cancelled => R4.RequestStatus.Revoked,
        _ => R4.RequestStatus.Active,
    };

    /// <summary>A carnet item: what (the surveillance kind), who performs it, due by when (the month of the protocol it falls in).</summary>
    public static R4.ServiceRequest ServiceRequest(CarnetItem item)
    {
        var request = new R4.ServiceRequest
        {
            Id = item.Id.ToString(),
            Status = StatusOf(item.Status),
            Intent = R4.RequestIntent.Plan,
            Category = [new R4.CodeableConcept { Text = "Carnet de surveillance alternée, mois " + item.Month.ToString(CultureInfo.InvariantCulture) }],
            Code = Concept(SurveillanceKindSystem, Domain.EnumCodes.Code(item.Kind)),
            Subject = new R4.ResourceReference(FhirMapper.Ref("Patient", item.PatientId)),
            Occurrence = new R4.FhirDateTime(item.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            PerformerType = Concept(PerformerSystem, Domain.EnumCodes.Code(item.Performer)),
        };
        if (item.DoneOn is { } done) request.Note.Add(new R4.Annotation { Text = "Réalisé le " + done.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        return request;
    }

    public static R4.Appointment.AppointmentStatus StatusOf(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Done => R4.Appointment.AppointmentStatus.Fulfilled,
        AppointmentStatus.Cancelled => R4.Appointment.AppointmentStatus.Cancelled,
        // Put off by a crisis (issue on continuity), waiting for a new slot.
        AppointmentStatus.Deferred => R4.Appointment.AppointmentStatus.Waitlist,
        _ => R4.Appointment.AppointmentStatus.Booked,
    };

    /// <summary>
    /// An appointment: its kind, its hour, the patient, the performer and the place named. Relais records the start
    /// only; R4 wants an end beside a start (app-2), so the end is the start.
    /// </summary>
    public static R4.Appointment Appointment(Appointment a)
    {
        var at = a.At.ToUniversalTime();
        var appointment = new R4.Appointment
        {
            Id = a.Id.ToString(),
            Status = StatusOf(a.Status),
            ServiceType = [Concept(AppointmentKindSystem, Domain.EnumCodes.Code(a.Kind))],
            Start = at,
            End = at,
            Created = a.CreatedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            Participant =
            [
                new R4.Appointment.ParticipantComponent { Actor = new R4.ResourceReference(FhirMapper.Ref("Patient", a.PatientId)), Status = R4.ParticipationStatus.Accepted },
            ],
        };
        if (a.Teleconsultation) appointment.AppointmentType = new R4.CodeableConcept { Text = "Téléconsultation" };
        if (a.Performer is { Length: > 0 } performer)
            appointment.Participant.Add(new R4.Appointment.ParticipantComponent { Actor = new R4.ResourceReference { Display = performer }, Status = R4.ParticipationStatus.Accepted });
        if (a.Place is { Length: > 0 } place) appointment.Description = place;
        return appointment;
    }
}

/// <summary>The calendar reads of <c>/fhir</c>, through the access rule (audited) and read-carnet, as <c>/api</c>'s appointments and carnet.</summary>
public sealed class FhirCalendarReads(RelaisDb db, PatientAccess access, CapabilityCheck capabilities)
{
    private async Task<FhirRefusal> CheckAsync(CurrentUser? user, Guid patientId, string resource, CancellationToken ct)
    {
        var decision = await access.CheckAsync(user, patientId, AccessKind.Read, resource, ct);
        if (!decision.Granted) return FhirRefusal.NotFound;
        return await capabilities.CheckAsync(user, [Capability.ReadCarnet], patientId, decision, resource, false, ct) ? FhirRefusal.None : FhirRefusal.Forbidden;
    }

    public async Task<(IReadOnlyList<R4.ServiceRequest> Items, FhirRefusal Refusal)> ServiceRequestsAsync(CurrentUser? user, Guid patientId, Guid? id, string resource, CancellationToken ct)
    {
        var refusal = await CheckAsync(user, patientId, resource, ct);
        if (refusal != FhirRefusal.None) return ([], refusal);
        var q = db.CarnetItems.AsNoTracking().Where(i => i.PatientId == patientId);
        if (id is { } one) q = q.Where(i => i.Id == one);
        var rows = await q.OrderBy(i => i.Due).ThenBy(i => i.Id).ToListAsync(ct);
        return (rows.Select(FhirCalendarMapper.ServiceRequest).ToList(), FhirRefusal.None);
    }

    public async Task<(IReadOnlyList<R4.Appointment> Items, FhirRefusal Refusal)> AppointmentsAsync(CurrentUser? user, Guid patientId, Guid? id, string resource, CancellationToken ct)
    {
        var refusal = await CheckAsync(user, patientId, resource, ct);
        if (refusal != FhirRefusal.None) return ([], refusal);
        var q = db.Appointments.AsNoTracking().Where(a => a.PatientId == patientId);
        if (id is { } one) q = q.Where(a => a.Id == one);
        var rows = await q.ToListAsync(ct);
        return (rows.OrderBy(a => a.At).ThenBy(a => a.Id).Select(FhirCalendarMapper.Appointment).ToList(), FhirRefusal.None);
    }

    public Task<Guid?> PatientOfCarnetItemAsync(Guid id, CancellationToken ct) =>
        db.CarnetItems.AsNoTracking().Where(i => i.Id == id).Select(i => (Guid?)i.PatientId).FirstOrDefaultAsync(ct);

    public Task<Guid?> PatientOfAppointmentAsync(Guid id, CancellationToken ct) =>
        db.Appointments.AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.PatientId).FirstOrDefaultAsync(ct);
}
