using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Programmes;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Programmes.AfterCancer;

/// <summary>A revision of the PPAC in force: what the team writes; the rest comes from the record.</summary>
public sealed record PpacRevisionInput(Guid? PreviousVersionId, string? SupportiveCare, string? Social, string? LateComplications, string? ReturnToWork,
    bool TherapeuticPartTime, string? Insurance, bool GpAgreed);

/// <summary>
/// Revises the PPAC (issue 13 point 5, PRODUCT.md §6 "adapted to the patient's needs and revisable" [G]): a new
/// version with the warning signs, the referrals and the calendar as they stand today, signed and sent again to the
/// GP and the patient (C11), answering the GP's open proposals. The first PPAC is issued at the end of treatment.
/// </summary>
public sealed class RevisePpac(RelaisDb db, Clock clock, IssueProgramme issue, AfterCancerContent content)
{
    public async Task<CareProgramme> HandleAsync(CurrentUser user, Guid patientId, PpacRevisionInput input, CancellationToken ct)
    {
        var programme = await AddAsync(user, patientId, input, [], ct);
        await db.SaveChangesAsync(ct);
        return programme;
    }

    /// <summary>
    /// The revision added to the caller's unit of work, without saving: a continuing treatment recorded or stopped
    /// re-issues the PPAC in the same commit (issue 16). <paramref name="plannedMeanwhile"/> are the carnet lines the
    /// same request adds, not yet in the database.
    /// </summary>
    public async Task<CareProgramme> AddAsync(CurrentUser user, Guid patientId, PpacRevisionInput input, IReadOnlyList<Documents.CalendarLine> plannedMeanwhile,
        CancellationToken ct)
    {
        var (programmeInput, part, followUp) = await PrepareAsync(patientId, input, ct);
        if (plannedMeanwhile.Count > 0) followUp = [.. followUp.Concat(plannedMeanwhile).OrderBy(l => l.Due)];
        var programme = await issue.AddAsync(user, patientId, ProgrammeKind.Ppac, programmeInput, followUp, part, ct);
        var now = clock.Now;
        foreach (var proposal in await db.ProgrammeProposals.Where(p => p.PatientId == patientId && p.LineageId == programme.LineageId && p.AnsweredByProgrammeId == null).ToListAsync(ct))
            proposal.AnsweredBy(programme, now);
        return programme;
    }

    /// <summary>The revision that carries the PPAC in force as it is, for a change the record makes (a continuing treatment): the GP's agreement is asked again.</summary>
    public static PpacRevisionInput Unchanged(CareProgramme inForce)
    {
        ArgumentNullException.ThrowIfNull(inForce);
        var after = inForce.Content.AfterCancer;
        return new PpacRevisionInput(inForce.Id, inForce.Content.SupportiveCare, inForce.Content.Social, after?.LateComplications, after?.ReturnToWork,
            after?.TherapeuticPartTime ?? false, after?.Insurance, GpAgreed: false);
    }

    /// <summary>The new version as it will be sent, nothing saved.</summary>
    public async Task<string> PreviewAsync(CurrentUser user, Guid patientId, PpacRevisionInput input, CancellationToken ct)
    {
        var (programmeInput, part, followUp) = await PrepareAsync(patientId, input, ct);
        return await issue.PreviewAsync(user, patientId, ProgrammeKind.Ppac, programmeInput, followUp, part, ct);
    }

    private async Task<(ProgrammeInput Input, AfterCancerPart Part, IReadOnlyList<Documents.CalendarLine> FollowUp)> PrepareAsync(Guid patientId, PpacRevisionInput input,
        CancellationToken ct)
    {
        if (input.PreviousVersionId is not { } previousId)
            throw new DomainValidationException("previousVersionId", "Indiquez la version du PPAC que vous révisez : le premier PPAC est rédigé à la fin du traitement.");
        var previous = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == previousId && p.PatientId == patientId && p.Kind == ProgrammeKind.Ppac, ct)
            ?? throw new DomainValidationException("previousVersionId", "Ce PPAC est introuvable pour ce patient.");
        var part = await content.PartAsync(patientId, previous.EpisodeId, null,
            new AfterCancerFields(input.LateComplications, input.ReturnToWork, input.TherapeuticPartTime, input.Insurance), ct);
        // The treatments received and the assessments stay as the previous version wrote them; the contacts follow the care team.
        var programmeInput = new ProgrammeInput(previous.EpisodeId, null, previous.Content.Phases, previous.Content.Assessments, input.SupportiveCare, input.Social, null,
            previousId, input.GpAgreed);
        return (programmeInput, part, await content.FollowUpAsync(patientId, ct));
    }
}
