using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Audit;
using Relais.Domain.PalliativeCare;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Palliative;

/// <summary>
/// Body of POST /api/patients/{id}/palliative/had: the HAD of the directory, the written prescription (the prescriber is the
/// caller: the GP, or the hospital physician who then gives the GP's agreement), the patient's or family's agreement, the days.
/// </summary>
public sealed record HadRequestInput(Guid? ProviderId, DateOnly? GpAgreementOn, string? Agreement, DateOnly? AgreementOn, int? Days, string? Project);

/// <summary>Body of POST .../had/{sid}/decision: <c>admit</c> (with the first day) or <c>decline</c>, and the assessment.</summary>
public sealed record HadDecisionInput(string? Decision, DateOnly? From, string? Assessment, int? Version);

public sealed record HadRenewalInput(DateOnly? GpAgreementOn, string? Agreement, DateOnly? AgreementOn, int? Days, int? Version);

public sealed record HadEndInput(DateOnly? EndedOn, int? Version);

/// <summary>
/// A home hospitalisation from request to end (issue 13 point 6, [G] §2.6). The request opens to the HAD's accounts a grant of
/// the identity and the palliative part, so that its coordinating physician assesses and decides; a decline or an end closes it.
/// The renewal reminder is <see cref="RemindHadRenewal"/>'s.
/// </summary>
public sealed class ManageHad(RelaisDb db, Clock clock)
{
    public const string GrantReasonPrefix = "Demande d'hospitalisation à domicile";

    public async Task<HadStayDto> RequestAsync(CurrentUser user, Guid patientId, HadRequestInput input, CancellationToken ct)
    {
        if (input.ProviderId is not { } providerId) throw new DomainValidationException("providerId", "Choisissez la structure d'HAD dans l'annuaire.");
        var provider = await db.SupportiveCareProviders.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId && p.Active, ct)
            ?? throw new DomainValidationException("providerId", "Cette structure n'est pas dans l'annuaire.");
        var stay = HadStay.Request(patientId, providerId, provider.Kind == ProviderKind.Had, Prescription(user, input.GpAgreementOn, input.Agreement, input.AgreementOn, input.Days),
            input.Project, clock.Today, user.Id, clock.Now);
        db.HadStays.Add(stay);
        var objected = await db.AccessObjections.Where(o => o.PatientId == patientId && o.WithdrawnAt == null).Select(o => o.ProfessionalId).ToListAsync(ct);
        var members = await (from m in db.ProviderMembers
                             join u in db.Users on m.UserId equals u.Id
                             where m.ProviderId == providerId && u.IsActive && !objected.Contains(u.Id)
                             select u.Id).ToListAsync(ct);
        foreach (var member in members)
            db.AccessGrants.Add(AccessGrant.Grant(patientId, member, RecordSections.Identity | RecordSections.Palliative, clock.Today, null, $"{GrantReasonPrefix} {stay.Id}", user.Id, clock.Now));
        Audit(user, patientId, stay, $"requested → {providerId}, recipients={members.Count}");
        await db.SaveChangesAsync(ct);
        return PalliativeQuery.Dto(stay, provider.Name, clock.Today);
    }

    public async Task<HadStayDto?> DecideAsync(CurrentUser user, Guid patientId, Guid stayId, HadDecisionInput input, CancellationToken ct)
    {
        if (await FindAsync(patientId, stayId, input.Version, ct) is not { } stay) return null;
        var member = await db.ProviderMembers.AnyAsync(m => m.ProviderId == stay.ProviderId && m.UserId == user.Id, ct);
        if (!member) throw new CapabilityRefusedException(Capability.DecideHadAdmission, "L'admission est décidée par le médecin coordinateur de l'HAD demandée.");
        switch (input.Decision)
        {
            case "admit": stay.Admit(input.From, input.Assessment, clock.Today, user.Id); break;
            case "decline":
                stay.Decline(input.Assessment, clock.Today, user.Id);
                await RevokeGrantsAsync(user, stay, ct);
                break;
            default: throw new DomainValidationException("decision", "Décision attendue : admit ou decline.");
        }
        Audit(user, patientId, stay, EnumCodes.Code(stay.Status));
        await db.SaveChangesAsync(ct);
        return await DtoAsync(stay, ct);
    }

    public async Task<HadStayDto?> RenewAsync(CurrentUser user, Guid patientId, Guid stayId, HadRenewalInput input, CancellationToken ct)
    {
        if (await FindAsync(patientId, stayId, input.Version, ct) is not { } stay) return null;
        stay.Renew(Prescription(user, input.GpAgreementOn, input.Agreement, input.AgreementOn, input.Days), clock.Today);
        Audit(user, patientId, stay, $"renewed #{stay.Renewals} until {stay.StayUntil:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return await DtoAsync(stay, ct);
    }

    public async Task<HadStayDto?> EndAsync(CurrentUser user, Guid patientId, Guid stayId, HadEndInput input, CancellationToken ct)
    {
        if (await FindAsync(patientId, stayId, input.Version, ct) is not { } stay) return null;
        stay.End(input.EndedOn, clock.Today);
        await RevokeGrantsAsync(user, stay, ct);
        Audit(user, patientId, stay, "ended");
        await db.SaveChangesAsync(ct);
        return await DtoAsync(stay, ct);
    }

    /// <summary>The prescriber is the caller ([G] §2.6): a GP's prescription, or a hospital physician's with the GP's agreement.</summary>
    private static HadPrescription Prescription(CurrentUser user, DateOnly? gpAgreementOn, string? agreement, DateOnly? agreementOn, int? days) =>
        new(user.IsInRole(Roles.GeneralPractitioner) ? HadPrescriber.GeneralPractitioner : HadPrescriber.HospitalPhysician, gpAgreementOn,
            string.IsNullOrWhiteSpace(agreement) ? null : EnumCodes.Parse<HadAgreement>(agreement, "agreement"), agreementOn, days);

    private async Task RevokeGrantsAsync(CurrentUser user, HadStay stay, CancellationToken ct)
    {
        var reason = $"{GrantReasonPrefix} {stay.Id}";
        foreach (var grant in await db.AccessGrants.Where(g => g.PatientId == stay.PatientId && g.Reason == reason && g.RevokedAt == null).ToListAsync(ct))
            grant.Revoke(user.Id, clock.Now);
    }

    private async Task<HadStay?> FindAsync(Guid patientId, Guid stayId, int? version, CancellationToken ct)
    {
        var stay = await db.HadStays.FirstOrDefaultAsync(s => s.Id == stayId && s.PatientId == patientId, ct);
        if (stay is not null && version is { } v && v != stay.Version) throw new StaleVersionException("version", v, stay.Version);
        return stay;
    }

    private async Task<HadStayDto> DtoAsync(HadStay stay, CancellationToken ct) =>
        PalliativeQuery.Dto(stay, await db.SupportiveCareProviders.Where(p => p.Id == stay.ProviderId).Select(p => p.Name).FirstAsync(ct), clock.Today);

    private void Audit(CurrentUser user, Guid patientId, HadStay stay, string what) =>
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "had stay", AuditOutcomes.Allowed, $"{stay.Id} {what}"));
}
