using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Pathways;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Patients.Ald;
using Relais.Web.Features.SupportiveCare.Referrals;
using Relais.Web.Identity;

namespace Relais.Web.Features.SupportiveCare.PostCancer;

/// <summary>Body of POST /api/patients/{id}/post-cancer-package: the day of the prescription and the structure of the directory.</summary>
public sealed record PackageInput(DateOnly? PrescribedOn, Guid? ProviderId);

/// <summary>
/// Prescribes the post-cancer package (décret 2020-1665). Who may prescribe is <see cref="PostCancerPackage.MayPrescribe"/>'s answer
/// for the caller's specialty and whether he is the patient's médecin traitant; the ALD is <see cref="AldQuery.CoversAsync"/>'s; the
/// window runs from the end of active treatment the pathway recorded; the rest is <see cref="PostCancerPrescription.Prescribe"/>'s.
/// The prescription goes straight to the structure as a supportive-care referral ([L]: no inverted circuit) — its scoped grant,
/// its in-app list and its secure mail — saved with it in one unit of work.
/// </summary>
public sealed class PrescribePostCancerPackage(RelaisDb db, Clock clock, AldQuery ald, ProposeReferral referrals, IOptions<PostCancerPackageLimits> limits)
{
    public async Task<PostCancerPrescription> HandleAsync(CurrentUser user, Guid patientId, PackageInput input, CancellationToken ct)
    {
        if (input.PrescribedOn is not { } prescribedOn) throw new DomainValidationException("prescribedOn", "La date de prescription est obligatoire.");
        if (input.ProviderId is not { } providerId) throw new DomainValidationException("providerId", "Choisissez la structure de l'annuaire.");
        var provider = await db.SupportiveCareProviders.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, ct)
            ?? throw new DomainValidationException("providerId", "Cette structure n'est pas dans l'annuaire.");

        var specialty = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.Specialty).FirstAsync(ct);
        var treatingGp = await db.Patients.AsNoTracking().AnyAsync(p => p.Id == patientId && p.GeneralPractitionerId == user.Id, ct);
        if (!PostCancerPackage.MayPrescribe(specialty, treatingGp))
            throw new DomainValidationException("prescriber",
                "Le forfait post-cancer est prescrit par un oncologue, un radiothérapeute, un hématologue, le spécialiste de l'organe traité, un pédiatre ou le médecin traitant du patient.");

        var end = await (from e in db.PathwayEvents
                         join episode in db.Episodes on e.EpisodeId equals episode.Id
                         where episode.PatientId == patientId && e.To == PathwayPhase.EndOfTreatment
                         orderby e.OccurredOn descending
                         select new { e.EpisodeId, e.OccurredOn }).FirstOrDefaultAsync(ct);
        var earlier = await db.PostCancerPrescriptions.Where(p => p.PatientId == patientId).Select(p => p.PrescribedOn).ToListAsync(ct);
        var inAld = await ald.CoversAsync(patientId, prescribedOn, ct);
        var prescription = PostCancerPrescription.Prescribe(patientId, end?.EpisodeId ?? Guid.Empty, provider, prescribedOn, clock.Today, end?.OccurredOn, inAld,
            earlier, limits.Value, user.Id, clock.Now);

        var service = PostCancerPrescription.CarryingService(provider)!.Value;
        var referral = await referrals.StageAsync(user, patientId, new ReferralInput(EnumCodes.Code(service), providerId, null,
            $"Forfait post-cancer prescrit le {prescribedOn:dd/MM/yyyy} : bilans et consultations de suivi à enregistrer dans Relais.", null), ct);
        prescription.CarriedBy(referral.Id);
        db.PostCancerPrescriptions.Add(prescription);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "post-cancer package", AuditOutcomes.Allowed,
            $"{prescription.Id} → {providerId}, referral {referral.Id}"));
        await db.SaveChangesAsync(ct);
        return prescription;
    }
}
