using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Announcements;
using Relais.Domain.Pathways;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Announcements;

public sealed record AnnouncementDto(Guid Id, Guid EpisodeId, DateTimeOffset? GpContactedAt, string? GpContext, DateTimeOffset? GpContextAt,
    DateOnly? MedicalTimeOn, string? MedicalTimePhysician, string? MedicalTimeExplained, NursingTime NursingTime, DateOnly? NursingTimeOn,
    string? SupportiveCareNeeds, IReadOnlyList<bool>? EpicesAnswers, decimal? EpicesScore, bool? Precarious, bool? SocialWorkerOriented,
    bool FertilityInformed, TobaccoStatus Tobacco, bool CessationOffered, bool TrustedPersonInformed, bool AdvanceDirectivesInformed,
    int PatientAge, bool ReproductiveAge, IReadOnlyList<ChecklistItem> Checklist, bool Complete);

public sealed record MedicalTimeInput(DateOnly? On, Guid? PhysicianId, string? Explained);
public sealed record NursingTimeInput(NursingTime? State, DateOnly? On);
public sealed record SupportiveCareInput(string? Needs);
public sealed record EpicesInput(IReadOnlyList<bool>? Answers, bool SocialWorkerOriented);
public sealed record InformationInput(bool FertilityInformed, TobaccoStatus? Tobacco, bool CessationOffered, bool TrustedPersonInformed, bool AdvanceDirectivesInformed);
public sealed record GpContextInput(string? Context);

/// <summary>
/// The announcement scheme of an episode (PRODUCT.md §3 step 3): one record per episode, filled step by
/// step, with the checklist of what is still missing. The GP's context arrives through C4 too.
/// </summary>
public sealed class AnnouncementService(RelaisDb db, Clock clock, IConfiguration configuration)
{
    public FertilityAgeBounds Bounds => new(configuration.GetValue("Announcement:FertilityAgeFrom", FertilityAgeBounds.Default.From),
        configuration.GetValue("Announcement:FertilityAgeTo", FertilityAgeBounds.Default.To));

    public async Task<AnnouncementRecord?> RecordAsync(Guid patientId, Guid episodeId, CancellationToken ct)
    {
        if (!await db.Episodes.AnyAsync(e => e.Id == episodeId && e.PatientId == patientId, ct)) return null;
        var record = await db.Announcements.FirstOrDefaultAsync(a => a.PatientId == patientId && a.EpisodeId == episodeId, ct);
        if (record is null)
        {
            record = AnnouncementRecord.Open(patientId, episodeId, clock.Now);
            db.Announcements.Add(record);
        }
        // The C4 contact is the GP contacted beforehand: the record follows the transmission.
        var c4 = await db.Transmissions.AsNoTracking().Where(t => t.PatientId == patientId && t.Obligation == ObligationCode.C4)
            .OrderBy(t => t.CreatedAt).Select(t => (DateTimeOffset?)t.CreatedAt).FirstOrDefaultAsync(ct);
        if (c4 is { } at) record.GpContacted(at);
        return record;
    }

    public async Task<AnnouncementDto?> GetAsync(Guid patientId, Guid episodeId, CancellationToken ct)
    {
        var record = await RecordAsync(patientId, episodeId, ct);
        if (record is null) return null;
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(record, ct);
    }

    public async Task<AnnouncementDto?> UpdateAsync(CurrentUser user, Guid patientId, Guid episodeId, Action<AnnouncementRecord, DateOnly, DateTimeOffset> change, CancellationToken ct)
    {
        var record = await RecordAsync(patientId, episodeId, ct);
        if (record is null) return null;
        change(record, clock.Today, clock.Now);
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(record, ct);
    }

    public Task<AnnouncementDto?> MedicalTimeAsync(CurrentUser user, Guid patientId, Guid episodeId, MedicalTimeInput input, CancellationToken ct) =>
        UpdateAsync(user, patientId, episodeId, (r, today, now) => r.RecordMedicalTime(
            input.On ?? throw new DomainValidationException("on", "La date du temps médical est obligatoire."), input.PhysicianId ?? user.Id, input.Explained, today, now), ct);

    public Task<AnnouncementDto?> NursingTimeAsync(CurrentUser user, Guid patientId, Guid episodeId, NursingTimeInput input, CancellationToken ct) =>
        UpdateAsync(user, patientId, episodeId, (r, today, now) => r.RecordNursingTime(
            input.State ?? throw new DomainValidationException("state", "Indiquez si le temps soignant a été proposé, accepté ou refusé."), input.On, today, now), ct);

    public Task<AnnouncementDto?> SupportiveCareAsync(CurrentUser user, Guid patientId, Guid episodeId, SupportiveCareInput input, CancellationToken ct) =>
        UpdateAsync(user, patientId, episodeId, (r, _, now) => r.RecordSupportiveCareNeeds(input.Needs, now), ct);

    public Task<AnnouncementDto?> EpicesAsync(CurrentUser user, Guid patientId, Guid episodeId, EpicesInput input, CancellationToken ct) =>
        UpdateAsync(user, patientId, episodeId, (r, _, now) => r.RecordEpices(input.Answers ?? throw new DomainValidationException("answers", "Les 11 réponses sont obligatoires."), input.SocialWorkerOriented, now), ct);

    public Task<AnnouncementDto?> InformationAsync(CurrentUser user, Guid patientId, Guid episodeId, InformationInput input, CancellationToken ct) =>
        UpdateAsync(user, patientId, episodeId, (r, _, now) => r.RecordInformation(input.FertilityInformed, input.Tobacco ?? TobaccoStatus.Unknown,
            input.CessationOffered, input.TrustedPersonInformed, input.AdvanceDirectivesInformed, now), ct);

    public Task<AnnouncementDto?> GpContextAsync(CurrentUser user, Guid patientId, Guid episodeId, GpContextInput input, CancellationToken ct) =>
        UpdateAsync(user, patientId, episodeId, (r, _, now) => r.RecordGpContext(input.Context, now), ct);

    private async Task<AnnouncementDto> ToDtoAsync(AnnouncementRecord r, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == r.PatientId, ct);
        var age = patient.AgeOn(clock.Today);
        var physician = r.MedicalTimePhysicianId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.FirstName + " " + u.LastName).FirstOrDefaultAsync(ct) : null;
        return new AnnouncementDto(r.Id, r.EpisodeId, r.GpContactedAt, r.GpContext, r.GpContextAt, r.MedicalTimeOn, physician, r.MedicalTimeExplained,
            r.NursingTime, r.NursingTimeOn, r.SupportiveCareNeeds, r.EpicesAnswers?.Select(c => c == '1').ToList(), r.EpicesScore, r.EpicesScore is null ? null : r.IsPrecarious,
            r.SocialWorkerOriented, r.FertilityInformed, r.Tobacco, r.CessationOffered, r.TrustedPersonInformed, r.AdvanceDirectivesInformed,
            age, Bounds.Contains(age), r.Checklist(age, Bounds), r.IsComplete(age, Bounds));
    }

    /// <summary>Episodes at or past the announcement whose record still misses a step (worklist).</summary>
    public async Task<IReadOnlyList<(Guid PatientId, Guid EpisodeId, string Missing)>> IncompleteAsync(IQueryable<Guid> visiblePatients, CancellationToken ct)
    {
        var rows = await (from e in db.Episodes.AsNoTracking()
                          join a in db.Announcements on e.Id equals a.EpisodeId into records
                          from a in records.DefaultIfEmpty()
                          join p in db.Patients on e.PatientId equals p.Id
                          where visiblePatients.Contains(e.PatientId)
                                && (e.Phase == PathwayPhase.DiagnosisConfirmed || e.Phase == PathwayPhase.Announcement || e.Phase == PathwayPhase.TumorBoard || e.Phase == PathwayPhase.CareProgramme)
                          select new { e.PatientId, EpisodeId = e.Id, a, p.BirthDate })
            .Take(500).ToListAsync(ct);
        var today = clock.Today;
        return rows.Select(x =>
        {
            var age = today.Year - x.BirthDate.Year - (x.BirthDate > today.AddYears(-(today.Year - x.BirthDate.Year)) ? 1 : 0);
            var missing = x.a is null
                ? "dispositif d'annonce non commencé"
                : string.Join(", ", x.a.Checklist(age, Bounds).Where(i => i.Applicable && !i.Done).Select(i => i.Label.ToLowerInvariant()));
            return (x.PatientId, x.EpisodeId, missing);
        }).Where(x => x.missing.Length > 0).ToList();
    }
}
