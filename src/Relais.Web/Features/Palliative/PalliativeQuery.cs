using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.PalliativeCare;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Palliative;

public sealed record SymptomPlanDto(Guid Id, string Symptom, string Label, string Instructions, string WrittenBy, DateTimeOffset WrittenAt, int Version);

public sealed record UrgentTrustedPerson(string FullName, string? Relationship, string? Phone, DateOnly DesignatedOn);

/// <summary>What the on-call GP or the SAMU regulator must see first: PAP, limits, advance directives, the trusted person, the symptom plan.</summary>
public sealed record UrgentPlanDto(string? AnticipatedPrescriptions, string Limit, string LimitLabel, string? LimitsNote, bool? AdvanceDirectives,
    DateOnly? AdvanceDirectivesOn, string? AdvanceDirectivesKeptAt, DateOnly? DiscussedOn, string? EmergencyNote, UrgentTrustedPerson? TrustedPerson,
    string UpdatedBy, DateTimeOffset UpdatedAt, int Version, string Source);

public sealed record HadStayDto(Guid Id, Guid ProviderId, string ProviderName, string Status, string Prescriber, DateOnly? GpAgreementOn, string Agreement,
    DateOnly AgreementOn, int PrescribedDays, string Project, DateOnly RequestedOn, string? Assessment, DateOnly? DecidedOn, DateOnly? StayFrom,
    DateOnly? StayUntil, int Renewals, DateOnly? RemindOn, DateOnly? EndedOn, bool Running, int Version);

public sealed record CaregiverDto(Guid Id, string Name, string Relationship, string? Phone, string? Email, bool IsTrustedPerson, string? Note);

public sealed record PalliativeProviderDto(Guid Id, string Name, string Kind, string Commune, string? Phone);

public sealed record PalliativeDto(UrgentPlanDto? Urgent, IReadOnlyList<SymptomPlanDto> SymptomPlan, IReadOnlyList<HadStayDto> Had,
    IReadOnlyList<CaregiverDto> Caregivers, IReadOnlyList<CaregiverLeaveRight> LeaveRights, IReadOnlyList<PalliativeProviderDto> Teams,
    IReadOnlyList<PalliativeProviderDto> HadStructures, string LiaisonSource, string HadSource);

/// <summary>
/// The palliative part of a record (issue 13 point 6, [G] §2.6): the urgent-care plan, the shared symptom plan, the HAD stays,
/// the caregivers and their leave rights, and the palliative teams, units and HAD of the directory. Every read of the urgent
/// plan writes an audit row of its own, besides the access rule's, so that who read the limits of treatment stays answerable.
/// </summary>
public sealed class PalliativeQuery(RelaisDb db, Clock clock)
{
    public const string UrgentResource = "palliative urgent-care plan";

    public async Task<PalliativeDto> HandleAsync(CurrentUser user, Guid patientId, CancellationToken ct)
    {
        var urgent = await UrgentAsync(user, patientId, ct);
        var entries = await db.SymptomPlanEntries.AsNoTracking().Where(e => e.PatientId == patientId).ToListAsync(ct);
        var names = await ProfessionalNamesAsync(entries.Select(e => e.WrittenBy), ct);
        var stays = await (from s in db.HadStays.AsNoTracking()
                           join p in db.SupportiveCareProviders on s.ProviderId equals p.Id
                           where s.PatientId == patientId
                           orderby s.RequestedOn descending, s.Id descending
                           select new { s, p.Name }).ToListAsync(ct);
        var caregivers = await db.CaregiverContacts.AsNoTracking().Where(c => c.PatientId == patientId && c.RemovedAt == null).OrderBy(c => c.RecordedAt).ToListAsync(ct);
        var providers = await db.SupportiveCareProviders.AsNoTracking()
            .Where(p => p.Active && (p.Kind == ProviderKind.PalliativeMobileTeam || p.Kind == ProviderKind.PalliativeUnit || p.Kind == ProviderKind.Had))
            .OrderBy(p => p.Name).ToListAsync(ct);
        return new PalliativeDto(urgent,
            [.. entries.OrderBy(e => e.Symptom).Select(e => new SymptomPlanDto(e.Id, EnumCodes.Code(e.Symptom), PalliativeRules.Label(e.Symptom), e.Instructions,
                names.GetValueOrDefault(e.WrittenBy, ""), e.WrittenAt, e.Version))],
            [.. stays.Select(x => Dto(x.s, x.Name, clock.Today))],
            [.. caregivers.Select(Dto)], CaregiverLeaveRights.All,
            [.. providers.Where(p => p.Kind != ProviderKind.Had).Select(Dto)], [.. providers.Where(p => p.Kind == ProviderKind.Had).Select(Dto)],
            PalliativeRules.LiaisonSource, PalliativeRules.HadSource);
    }

    /// <summary>
    /// The urgent-care plan with the trusted person, or null when no plan is recorded; each read of a plan is audited.
    /// The caller has checked the access rule and the capability to read the palliative part.
    /// </summary>
    public async Task<UrgentPlanDto?> UrgentAsync(CurrentUser user, Guid patientId, CancellationToken ct)
    {
        var plan = await db.UrgentCarePlans.AsNoTracking().FirstOrDefaultAsync(p => p.PatientId == patientId, ct);
        if (plan is null) return null;
        var identity = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => new { p.TrustedPerson, p.AdvanceDirectives }).FirstAsync(ct);
        var trustedDto = identity.TrustedPerson is { RevokedOn: null } t ? new UrgentTrustedPerson(t.FullName, t.Relationship, t.Phone, t.DesignatedInWritingOn) : null;
        var directives = identity.AdvanceDirectives;
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Read, UrgentResource, AuditOutcomes.Allowed,
            $"{plan.Id} v{plan.Version}"));
        await db.SaveChangesAsync(ct);
        var by = (await ProfessionalNamesAsync([plan.UpdatedBy], ct)).GetValueOrDefault(plan.UpdatedBy, "");
        return new UrgentPlanDto(plan.AnticipatedPrescriptions, EnumCodes.Code(plan.Limit), PalliativeRules.Label(plan.Limit),
            plan.LimitsNote, directives?.Exist, directives?.WrittenOn, directives?.WhereKept, plan.DiscussedOn, plan.EmergencyNote, trustedDto,
            by, plan.UpdatedAt, plan.Version, PalliativeRules.LimitsSource);
    }

    public static HadStayDto Dto(HadStay s, string providerName, DateOnly today) => new(s.Id, s.ProviderId, providerName, EnumCodes.Code(s.Status), EnumCodes.Code(s.Prescriber),
        s.GpAgreementOn, EnumCodes.Code(s.Agreement), s.AgreementOn, s.PrescribedDays, s.Project, s.RequestedOn, s.Assessment, s.DecidedOn, s.StayFrom, s.StayUntil,
        s.Renewals, s.RemindOn, s.EndedOn, s.RunsOn(today), s.Version);

    public static CaregiverDto Dto(CaregiverContact c) => new(c.Id, c.Name, c.Relationship, c.Phone, c.Email, c.IsTrustedPerson, c.Note);

    private static PalliativeProviderDto Dto(SupportiveCareProvider p) => new(p.Id, p.Name, EnumCodes.Code(p.Kind), p.Commune, p.Phone);

    private Task<Dictionary<Guid, string>> ProfessionalNamesAsync(IEnumerable<Guid> ids, CancellationToken ct) => Coordination.ProfessionalNames.OfAsync(db, ids, ct);
}
