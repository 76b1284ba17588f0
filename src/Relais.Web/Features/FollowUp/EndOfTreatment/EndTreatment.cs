using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Coordination;
using Relais.Domain.Pathways;
using Relais.Domain.Programmes;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Documents;
using Relais.Web.Features.Coordination;
using Relais.Web.Features.FollowUp.Protocols;
using Relais.Web.Features.Programmes;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.EndOfTreatment;

public sealed record EndOfTreatmentInput(Guid? EpisodeId, DateOnly? EndOfTreatment, string? Protocol, bool Radiotherapy, int? HorizonMonths, bool GpAgreed,
    string? SupportiveCare, string? Social, string? LateComplications, IReadOnlyList<ContinuingTreatments.ContinuingTreatmentInput>? ContinuingTreatments = null);

public sealed record EndOfTreatmentResult(Guid EnrolmentId, string Protocol, int Version, int Items, Guid PpacId, Guid? PpacDocumentId,
    IReadOnlyList<Guid>? ContinuingTreatmentIds = null);

/// <summary>
/// The end of active treatment: the baton passes to the GP [P]. The episode moves to end of treatment
/// then shared follow-up; the patient is enrolled on the protocol's validated version and gets the
/// carnet (an episode already at end of treatment only moves on to shared follow-up); the PPAC is issued (C11) and the protocol with its late complications sent (C12). All of it
/// commits in one SaveChanges: a failure half-way leaves nothing behind, so the retry is not refused
/// as "already enrolled".
/// </summary>
public sealed class EndTreatment(RelaisDb db, Clock clock, Obligations obligations, ProtocolQueries protocols, IssueProgramme programmes,
    Programmes.AfterCancer.AfterCancerContent afterCancer, ContinuingTreatments.ContinuingTreatmentPlanner continuing, Expertise.Oncogenetics.GeneticModulePlanner genetic)
{
    /// <summary>How far ahead the carnet is planned when the request does not say: ten years.</summary>
    public const int DefaultHorizonMonths = 120;

    private const string SupportiveCareDefault = "Forfait de soins de support après cancer (bilan et séances d'activité physique adaptée, de diététique et de psychologie) : demandez-le à votre médecin.";

    public async Task<EndOfTreatmentResult> HandleAsync(CurrentUser user, Guid patientId, EndOfTreatmentInput input, CancellationToken ct)
    {
        if (input.EpisodeId is not { } episodeId) throw new DomainValidationException("episodeId", "Choisissez l'épisode de cancer.");
        if (input.EndOfTreatment is not { } j0) throw new DomainValidationException("endOfTreatment", "La date de fin du traitement actif (J0) est obligatoire.");
        if (string.IsNullOrWhiteSpace(input.Protocol)) throw new DomainValidationException("protocol", "Choisissez le protocole de suivi.");
        var protocol = await protocols.LatestAsync(input.Protocol, validatedOnly: true, ct)
            ?? throw new DomainValidationException("protocol", await db.Protocols.AnyAsync(p => p.Code == input.Protocol, ct)
                ? "Ce protocole n'a pas encore été validé par un spécialiste et un médecin généraliste."
                : "Protocole de suivi inconnu.");
        if (protocol.Definition.IsModule)
            throw new DomainValidationException("protocol", "Un module de surveillance s'ajoute avec le traitement qui le demande ; choisissez le protocole de suivi du cancer.");
        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == episodeId && e.PatientId == patientId, ct)
            ?? throw new DomainValidationException("episodeId", "Cet épisode n'appartient pas à ce patient.");
        if (await db.Enrolments.AnyAsync(e => e.PatientId == patientId, ct))
            throw new DomainValidationException("episodeId", "Ce patient suit déjà un protocole de surveillance.");
        var today = clock.Today;
        var now = clock.Now;
        // An episode already at end of treatment (set by hand before that phase had its own use case) still
        // gets its PPAC and carnet: the end of treatment is not recorded twice.
        if (episode.Phase != PathwayPhase.EndOfTreatment)
            db.PathwayEvents.Add(episode.Transition(PathwayPhase.EndOfTreatment, j0, user.Id, today, now, "Fin du traitement actif"));
        db.PathwayEvents.Add(episode.Transition(PathwayPhase.SharedFollowUp, j0, user.Id, today, now, $"Suivi partagé : {protocol.Title}"));

        var enrolment = Enrolment.Start(patientId, protocol, j0, input.Radiotherapy, now);
        db.Enrolments.Add(enrolment);
        var entries = enrolment.Calendar(protocol, input.HorizonMonths ?? DefaultHorizonMonths);
        foreach (var entry in entries) db.CarnetItems.Add(CarnetItem.Plan(patientId, enrolment.Id, entry, now));

        var lines = entries.Select(e => new CalendarLine(e.Due, e.Kind.Label(), e.Performer.Label(), null)).ToList();
        // The treatments that continue (issue 16): recorded now, their modules in the carnet and in this first PPAC.
        var treatments = new List<ContinuingTreatments.PlannedTreatment>();
        foreach (var treatment in input.ContinuingTreatments ?? [])
            treatments.Add(await continuing.AddAsync(user, patientId, enrolment, treatment, ct));
        lines = [.. lines.Concat(treatments.SelectMany(t => t.Lines)).OrderBy(l => l.Due)];
        // A genetic result recorded before the end of treatment (issue 16 point 3) adds its module now that the carnet exists.
        foreach (var referral in await db.OncogeneticsReferrals.Where(r => r.PatientId == patientId && r.Result != null).ToListAsync(ct))
            await genetic.AddAsync(referral, enrolment, ct);
        var part = await afterCancer.PartAsync(patientId, episodeId, protocol, new(input.LateComplications, null, false, null), ct);
        var ppac = await programmes.AddAsync(user, patientId, ProgrammeKind.Ppac, new ProgrammeInput(episodeId, null, [], [],
            input.SupportiveCare ?? SupportiveCareDefault, input.Social, null, null, input.GpAgreed), lines, part, ct);
        await obligations.FireAsync(ObligationCode.C12, patientId, user.Id, null, $"Protocole de suivi : {protocol.Title} (version {protocol.Version})",
            $"Suivi partagé à partir du {j0:dd/MM/yyyy}, en alternance médecin traitant / spécialiste ; {entries.Count} rendez-vous et examens au carnet."
            + (input.Radiotherapy ? $"\nRadiothérapie reçue : consultation du radiothérapeute {protocol.Definition.RadiotherapyOption.Describe()} après la fin du traitement." : "")
            + (string.IsNullOrWhiteSpace(input.LateComplications) ? "" : $"\nComplications tardives à surveiller : {input.LateComplications.Trim()}")
            + $"\nCritères de retour précoce vers le spécialiste : voir le carnet dans Relais.", ct: ct);
        await db.SaveChangesAsync(ct);
        return new EndOfTreatmentResult(enrolment.Id, protocol.Code, protocol.Version, entries.Count, ppac.Id, ppac.DocumentId,
            [.. treatments.Select(t => t.Treatment.Id)]);
    }
}
