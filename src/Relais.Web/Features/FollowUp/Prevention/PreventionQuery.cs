using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Prevention;
using Relais.Domain.Surveillance;
using Relais.Web.Data;

namespace Relais.Web.Features.FollowUp.Prevention;

public sealed record PreventionActionDto(string Code, string Label, string Source);

public sealed record ScreeningDto(string Programme, string Test, DateOnly From, DateOnly Until, string Source, int Planned);

public sealed record PreventionStatusDto(DateOnly AssessedOn, string Tobacco, bool CessationSupportOffered, string Alcohol, bool AlcoholSupportOffered,
    decimal? WeightKg, int? HeightCm, decimal? Bmi, string Activity, string Summary);

public sealed record PreventionDto(PreventionStatusDto? Status, IReadOnlyList<PreventionActionDto> ToOffer, IReadOnlyList<ScreeningDto> Screenings);

/// <summary>
/// Second-cancer prevention for one patient (issue 16 point 4): the status in force, what to offer given it, and the
/// organised screenings due by sex, age and first cancer, with how many of their tests the carnet holds.
/// </summary>
public sealed class PreventionQuery(RelaisDb db, Clock clock)
{
    public async Task<PreventionDto?> HandleAsync(Guid patientId, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => new { p.Sex, p.BirthDate }).FirstOrDefaultAsync(ct);
        if (patient is null) return null;
        var latest = await LatestAsync(db, patientId, ct);
        var sites = await db.Episodes.AsNoTracking().Where(e => e.PatientId == patientId).Select(e => e.PrimarySite).ToListAsync(ct);
        var planned = await db.CarnetItems.AsNoTracking().Where(i => i.PatientId == patientId && i.Status == CarnetItemStatus.Planned)
            .GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var actions = latest is null ? [] : SecondCancerPrevention.ToOffer(latest.Status);
        return new(latest is null ? null : ToDto(latest),
            [.. actions.Select(a => new PreventionActionDto(EnumCodes.Code(a), SecondCancerPrevention.Label(a), SecondCancerPrevention.Sources[a]))],
            [.. OrganisedScreenings.Due(patient.Sex, patient.BirthDate, sites, clock.Today).Select(d => new ScreeningDto(EnumCodes.Code(d.Line.Programme), d.Line.Test, d.From, d.Until,
                d.Line.Source, planned.GetValueOrDefault(PlanOrganisedScreenings.KindOf(d.Line.Programme))))]);
    }

    /// <summary>The status in force: the latest review, read through the unit of work so that one recorded in this request counts.</summary>
    public static async Task<PreventionStatus?> LatestAsync(RelaisDb db, Guid patientId, CancellationToken ct)
    {
        await db.PreventionStatuses.Where(p => p.PatientId == patientId).LoadAsync(ct);
        return db.PreventionStatuses.Local.Where(p => p.PatientId == patientId).OrderByDescending(p => p.AssessedOn).ThenByDescending(p => p.RecordedAt).FirstOrDefault();
    }

    private static PreventionStatusDto ToDto(PreventionStatus s) => new(s.AssessedOn, EnumCodes.Code(s.Tobacco), s.CessationSupportOffered, EnumCodes.Code(s.Alcohol),
        s.AlcoholSupportOffered, s.WeightKg, s.HeightCm, SecondCancerPrevention.Bmi(s.WeightKg, s.HeightCm), EnumCodes.Code(s.Activity), s.Describe());
}
