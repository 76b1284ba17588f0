using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.ContinuingTreatments;
using Relais.Domain.Surveillance;
using Relais.Web.Data;

namespace Relais.Web.Features.FollowUp.ContinuingTreatments;

public sealed record TreatmentReportDto(Guid Id, string Reporter, DateOnly ObservedOn, string Adherence, string AdherenceLabel, string? SideEffects, bool Intolerance,
    bool EarlyReturn, Guid? AlertId, DateTimeOffset ReportedAt);

public sealed record ContinuingTreatmentDto(Guid Id, string Drug, string Class, string ClassLabel, DateOnly StartedOn, int? PlannedMonths, DateOnly? PlannedStopOn,
    string Prescriber, string Status, DateOnly? StoppedOn, string? StopReason, string? Module, string? ModuleTitle, int Revision, IReadOnlyList<TreatmentReportDto> Reports);

/// <summary>The patient's continuing treatments, the newest first, each with its module and the reports on it.</summary>
public sealed class ContinuingTreatmentQuery(RelaisDb db)
{
    public async Task<IReadOnlyList<ContinuingTreatmentDto>> HandleAsync(Guid patientId, CancellationToken ct)
    {
        var treatments = await db.ContinuingTreatments.AsNoTracking().Where(t => t.PatientId == patientId).ToListAsync(ct);
        var reports = await db.TreatmentReports.AsNoTracking().Where(r => r.PatientId == patientId).ToListAsync(ct);
        var modules = await db.CarnetItems.AsNoTracking().Where(i => i.PatientId == patientId && i.ContinuingTreatmentId != null)
            .Select(i => new { i.ContinuingTreatmentId, i.ModuleCode, i.ModuleVersion }).Distinct().ToListAsync(ct);
        var codes = modules.Select(m => m.ModuleCode).Distinct().ToList();
        var titles = (await db.Protocols.AsNoTracking().Where(p => codes.Contains(p.Code)).ToListAsync(ct))
            .ToDictionary(p => (p.Code, p.Version), p => p.Title);
        return treatments.OrderByDescending(t => t.StartedOn).ThenByDescending(t => t.RecordedAt).Select(t =>
        {
            var module = modules.FirstOrDefault(m => m.ContinuingTreatmentId == t.Id);
            return new ContinuingTreatmentDto(t.Id, t.Drug, EnumCodes.Code(t.Class), t.Class.Label(), t.StartedOn, t.PlannedMonths, t.PlannedStopOn, t.Prescriber,
                EnumCodes.Code(t.Status), t.StoppedOn, t.StopReason, module?.ModuleCode,
                module is { ModuleCode: { } c, ModuleVersion: { } v } ? titles.GetValueOrDefault((c, v)) : null, t.Revision,
                reports.Where(r => r.TreatmentId == t.Id).OrderByDescending(r => r.ReportedAt).Select(ToDto).ToList());
        }).ToList();
    }

    private static TreatmentReportDto ToDto(TreatmentReport r) => new(r.Id, EnumCodes.Code(r.Reporter), r.ObservedOn, EnumCodes.Code(r.Adherence), r.Adherence.Label(),
        r.SideEffects, r.Intolerance, r.CallsForEarlyReturn, r.AlertId, r.ReportedAt);
}
