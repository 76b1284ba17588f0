using Microsoft.EntityFrameworkCore;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Messaging;

/// <summary>A care-team member a reminder scan reminds: the patient, the member's role, the account and its name.</summary>
public sealed record TeamRecipient(Guid PatientId, CareTeamRole Role, Guid Id, string? Email, string Name);

/// <summary>
/// What the reminder scans (ALD expiry, administrative steps, HAD renewal, a continuing treatment's planned stop) share:
/// the care-team members of a batch's patients, read in one query, and the words of the e-mail that goes with the
/// reminder (the app shows the reminder itself; the e-mail points to the record).
/// </summary>
public static class ReminderRecipients
{
    /// <summary>
    /// The members active today, in the given roles, of the care teams of <paramref name="patientIds"/>, whose account is
    /// active; by patient, each account once per patient.
    /// </summary>
    public static async Task<ILookup<Guid, TeamRecipient>> CareTeamsAsync(this RelaisDb db, IReadOnlyCollection<Guid> patientIds, DateOnly today,
        IReadOnlyCollection<CareTeamRole> roles, CancellationToken ct)
    {
        var rows = await (from m in db.CareTeamMembers.Where(CareTeamMember.ActiveNow(today))
                          join u in db.Users on m.ProfessionalId equals u.Id
                          where patientIds.Contains(m.PatientId) && roles.Contains(m.Role) && u.IsActive
                          select new { m.PatientId, m.Role, u.Id, u.Email, u.FirstName, u.LastName }).ToListAsync(ct);
        return rows.DistinctBy(r => (r.PatientId, r.Id))
            .ToLookup(r => r.PatientId, r => new TeamRecipient(r.PatientId, r.Role, r.Id, r.Email, RelaisUser.NameOf(r.FirstName, r.LastName)));
    }

    /// <summary>The e-mail of a reminder to a professional: whom it greets, what is due, the link to where it is done.</summary>
    public static string Body(string recipientName, string text, MailOptions options, string link) => $"""
        Bonjour {recipientName},

        {text}
        {options.PublicUrl.TrimEnd('/')}{link}

        Message envoyé par Relais ; ne pas répondre à cette adresse.
        """;
}
