using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Web.Features.Access;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients;

/// <summary>
/// The write side of patients, episodes, pathway and care team, shared by the API and the pages.
/// Each command validates everything before it touches the database and ends with one SaveChanges,
/// so that a refused input writes nothing. Access has been checked by the caller (write kind),
/// except for <see cref="RegisterAsync"/>, which creates the record.
/// </summary>
public sealed class PatientCommands(RelaisDb db, Clock clock, UserManager<RelaisUser> users, Relais.Web.Features.Coordination.Obligations obligations)
{
    public async Task<Patient> RegisterAsync(CurrentUser user, PatientInput input, CancellationToken ct)
    {
        var details = input.ToDetails();
        var today = clock.Today;
        var now = clock.Now;
        await EnsureGeneralPractitionerAsync(details.GeneralPractitionerId, ct);
        var patient = Patient.Register(details, today, now);
        if (await db.Patients.AnyAsync(p => p.Ins == patient.Ins, ct))
            throw new DomainValidationException("ins", "Un patient porte déjà ce matricule INS.");
        db.Patients.Add(patient);
        // The author joins the care team, or could not read the record just created; the declared GP too [G].
        var author = await db.Users.AsNoTracking().FirstAsync(u => u.Id == user.Id, ct);
        db.CareTeamMembers.Add(CareTeamMember.Add(patient.Id, user.Id, RoleFor(author.Specialty, user), today, null, user.Id, now));
        if (details.GeneralPractitionerId is { } gp && gp != user.Id)
            db.CareTeamMembers.Add(CareTeamMember.Add(patient.Id, gp, CareTeamRole.GeneralPractitioner, today, null, user.Id, now));
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patient.Id, AuditActions.Write, "POST /api/patients", AuditOutcomes.Allowed, "create"));
        await db.SaveChangesAsync(ct);
        return patient;
    }

    public async Task UpdateAsync(CurrentUser user, Guid patientId, PatientInput input, CancellationToken ct)
    {
        var patient = await db.Patients.FirstAsync(p => p.Id == patientId, ct);
        var details = input.ToDetails();
        await EnsureGeneralPractitionerAsync(details.GeneralPractitionerId, ct);
        var previousGp = patient.GeneralPractitionerId;
        patient.Update(details, clock.Today, clock.Now);
        if (await db.Patients.AnyAsync(p => p.Ins == patient.Ins && p.Id != patientId, ct))
            throw new DomainValidationException("ins", "Un patient porte déjà ce matricule INS.");
        if (details.GeneralPractitionerId is { } gp && gp != previousGp)
            await ChangeGeneralPractitionerAsync(user, patientId, previousGp, gp, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new declared GP joins the team; the former one leaves it the day before.</summary>
    private async Task ChangeGeneralPractitionerAsync(CurrentUser user, Guid patientId, Guid? previous, Guid next, CancellationToken ct)
    {
        var today = clock.Today;
        if (previous is { } old)
        {
            var memberships = await db.CareTeamMembers
                .Where(m => m.PatientId == patientId && m.ProfessionalId == old && m.Role == CareTeamRole.GeneralPractitioner && (m.To == null || m.To >= today))
                .ToListAsync(ct);
            foreach (var m in memberships) m.End(m.From < today ? today.AddDays(-1) : m.From);
        }
        var alreadyIn = await db.CareTeamMembers.AnyAsync(m => m.PatientId == patientId && m.ProfessionalId == next && (m.To == null || m.To >= today), ct);
        if (!alreadyIn)
            db.CareTeamMembers.Add(CareTeamMember.Add(patientId, next, CareTeamRole.GeneralPractitioner, today, null, user.Id, clock.Now));
    }

    private async Task EnsureGeneralPractitionerAsync(Guid? gpId, CancellationToken ct)
    {
        if (gpId is not { } id) return;
        var gp = await users.FindByIdAsync(id.ToString());
        if (gp is null || !await users.IsInRoleAsync(gp, Roles.GeneralPractitioner))
            throw new DomainValidationException("generalPractitionerId", "Le médecin traitant choisi n'est pas un médecin généraliste connu de Relais.");
    }

    public async Task<CancerEpisode> OpenEpisodeAsync(CurrentUser user, Guid patientId, EpisodeInput input, CancellationToken ct)
    {
        var today = clock.Today;
        var (episode, opening) = CancerEpisode.Open(patientId, input.ToDetails(), input.InitialPhase ?? PathwayPhase.Suspicion,
            input.OpenedOn ?? input.DiagnosisDate ?? today, user.Id, today, clock.Now, input.Note);
        db.Episodes.Add(episode);
        db.PathwayEvents.Add(opening);
        await FirePathwayObligationAsync(user, episode, ct);
        await db.SaveChangesAsync(ct);
        return episode;
    }

    public async Task<CancerEpisode?> UpdateEpisodeAsync(Guid patientId, Guid episodeId, EpisodeInput input, CancellationToken ct)
    {
        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == episodeId && e.PatientId == patientId, ct);
        if (episode is null) return null;
        episode.Update(input.ToDetails(), clock.Today, clock.Now);
        await db.SaveChangesAsync(ct);
        return episode;
    }

    public async Task<PathwayEvent?> TransitionAsync(CurrentUser user, Guid patientId, Guid episodeId, TransitionInput input, CancellationToken ct)
    {
        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == episodeId && e.PatientId == patientId, ct);
        if (episode is null) return null;
        if (input.To is not { } to) throw new DomainValidationException("to", "La phase visée est obligatoire.");
        var today = clock.Today;
        var evt = episode.Transition(to, input.OccurredOn ?? today, user.Id, today, clock.Now, input.Note);
        db.PathwayEvents.Add(evt);
        await FirePathwayObligationAsync(user, episode, ct);
        await db.SaveChangesAsync(ct);
        return evt;
    }

    /// <summary>
    /// Steps of the pathway that oblige the team to inform the GP: a confirmed diagnosis calls for the
    /// contact before the announcement (C4, [G] 1.2); the palliative phase for liaison care (C15, [G] 2.6).
    /// </summary>
    private async Task FirePathwayObligationAsync(CurrentUser user, CancerEpisode episode, CancellationToken ct)
    {
        var site = episode.PrimarySiteLabel ?? episode.PrimarySite;
        var (code, title, message) = episode.Phase switch
        {
            PathwayPhase.DiagnosisConfirmed => (Domain.Coordination.ObligationCode.C4, "Diagnostic confirmé : contact avant l'annonce",
                $"Le diagnostic est confirmé ({site}). L'annonce va être organisée : merci de transmettre à l'équipe le contexte socio-professionnel, familial et psychologique du patient."),
            PathwayPhase.Palliative => (Domain.Coordination.ObligationCode.C15, "Entrée en phase palliative",
                $"Le patient entre en phase palliative ({site}). Prise en charge symptomatique ambulatoire en lien avec l'équipe."),
            _ => (default(Domain.Coordination.ObligationCode?), "", ""),
        };
        if (code is { } c) await obligations.FireAsync(c, episode.PatientId, user.Id, null, title, message, ct: ct);
    }

    public async Task<CareTeamMember> AddCareTeamMemberAsync(CurrentUser user, Guid patientId, CareTeamInput input, CancellationToken ct)
    {
        if (input.ProfessionalId is not { } professionalId)
            throw new DomainValidationException("professionalId", "Choisissez le professionnel à ajouter.");
        if (input.Role is not { } role)
            throw new DomainValidationException("role", "Le rôle dans l'équipe est obligatoire.");
        var professional = await users.FindByIdAsync(professionalId.ToString());
        if (professional is null || !professional.IsActive)
            throw new DomainValidationException("professionalId", "Ce professionnel n'existe pas.");
        var professionalRoles = await users.GetRolesAsync(professional);
        if (!professionalRoles.Any(r => Roles.Professionals.Contains(r)))
            throw new DomainValidationException("professionalId", "Seul un professionnel de santé peut faire partie de l'équipe de soins.");
        var member = CareTeamMember.Add(patientId, professionalId, role, input.From ?? clock.Today, input.To, user.Id, clock.Now);
        db.CareTeamMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }

    public async Task<bool> EndCareTeamMembershipAsync(Guid patientId, Guid memberId, EndMembershipInput input, CancellationToken ct)
    {
        var member = await db.CareTeamMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.PatientId == patientId, ct);
        if (member is null) return false;
        member.End(input.To ?? clock.Today);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static CareTeamRole RoleFor(Specialty specialty, CurrentUser user) => specialty switch
    {
        Specialty.MedicalOncology => CareTeamRole.ReferringOncologist,
        Specialty.Radiotherapy => CareTeamRole.Radiotherapist,
        Specialty.Surgery => CareTeamRole.Surgeon,
        Specialty.Pathology => CareTeamRole.Pathologist,
        Specialty.Geriatrics => CareTeamRole.Geriatrician,
        Specialty.GeneralPractice => CareTeamRole.GeneralPractitioner,
        Specialty.Nursing => CareTeamRole.NurseCoordinator,
        Specialty.Pharmacy => CareTeamRole.Pharmacist,
        Specialty.Psychology or Specialty.Dietetics or Specialty.AdaptedPhysicalActivity or Specialty.Physiotherapy or Specialty.SocialWork => CareTeamRole.SupportiveCare,
        _ when user.IsInRole(Roles.TumorBoardSecretary) => CareTeamRole.TumorBoardSecretary,
        Specialty.Gynaecology or Specialty.Gastroenterology or Specialty.Pulmonology or Specialty.Urology or Specialty.Haematology or Specialty.Dermatology or Specialty.OtherOrganSpecialty => CareTeamRole.OrganSpecialist,
        _ => CareTeamRole.OtherPhysician,
    };
}
