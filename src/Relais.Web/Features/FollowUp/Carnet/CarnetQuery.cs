using Microsoft.EntityFrameworkCore;
using Relais.Domain.Surveillance;
using Relais.Web.Data;

namespace Relais.Web.Features.FollowUp.Carnet;

/// <param name="Module">The monitoring module the item comes from (issue 16), with its version and title; null for the protocol's own items.</param>
public sealed record CarnetEntryDto(Guid Id, DateOnly Due, int Month, string Kind, string KindLabel, string Performer, string PerformerLabel,
    string Status, bool Overdue, DateOnly? DoneOn, string? Result, string? CancelReason, string? Module = null, int? ModuleVersion = null, string? ModuleTitle = null);

public sealed record CarnetDto(Guid? EnrolmentId, string? Protocol, int? Version, string? ProtocolTitle, DateOnly? EndOfTreatment, bool Radiotherapy, int OverdueDays,
    IReadOnlyList<CarnetEntryDto> Items, ProtocolKind? ProtocolKind = null, string? RadiotherapySchedule = null);

/// <summary>The patient's carnet: the enrolment, its protocol and every item with its status at today's date.</summary>
public sealed class CarnetQuery(RelaisDb db, Clock clock, IConfiguration configuration)
{
    public async Task<CarnetDto> HandleAsync(Guid patientId, CancellationToken ct)
    {
        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.PatientId == patientId).OrderByDescending(e => e.EnrolledAt).FirstOrDefaultAsync(ct);
        var items = await db.CarnetItems.AsNoTracking().Where(i => i.PatientId == patientId).OrderBy(i => i.Due).ThenBy(i => i.Kind).ToListAsync(ct);
        var protocol = enrolment is null ? null : await db.Protocols.AsNoTracking().FirstOrDefaultAsync(p => p.Code == enrolment.ProtocolCode && p.Version == enrolment.ProtocolVersion, ct);
        var overdueDays = configuration.OverdueDays();
        var moduleCodes = items.Select(i => i.ModuleCode).OfType<string>().Distinct().ToList();
        var modules = moduleCodes.Count == 0 ? [] : (await db.Protocols.AsNoTracking().Where(p => moduleCodes.Contains(p.Code)).ToListAsync(ct))
            .ToDictionary(p => (p.Code, p.Version), p => p.Title);
        return new CarnetDto(enrolment?.Id, enrolment?.ProtocolCode, enrolment?.ProtocolVersion, protocol?.Title, enrolment?.TreatmentEnd, enrolment?.Radiotherapy ?? false, overdueDays,
            items.Select(i => ToDto(i, clock.Today, overdueDays, modules)).ToList(), protocol?.Kind, protocol?.Definition.RadiotherapyOption.Describe());
    }

    public static CarnetEntryDto ToDto(CarnetItem i, DateOnly today, int overdueDays, IReadOnlyDictionary<(string, int), string>? moduleTitles = null) => new(i.Id, i.Due, i.Month,
        i.Kind.Code(), i.Kind.Label(), i.Performer.Code(), i.Performer.Label(),
        i.IsOverdue(today, overdueDays) ? "overdue" : i.Status switch { CarnetItemStatus.Done => "done", CarnetItemStatus.Cancelled => "cancelled", _ => "planned" },
        i.IsOverdue(today, overdueDays), i.DoneOn, i.Result, i.CancelReason, i.ModuleCode, i.ModuleVersion,
        i is { ModuleCode: { } code, ModuleVersion: { } version } && moduleTitles?.GetValueOrDefault((code, version)) is { } title ? title : null);
}
