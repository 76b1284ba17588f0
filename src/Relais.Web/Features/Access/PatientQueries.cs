using Relais.Domain.Access;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Access;

/// <summary>Patients a user may see in lists: the same rule as <see cref="PatientAccess"/>, as a query.</summary>
public static class PatientQueries
{
    /// <summary>
    /// The ids a professional may see today, built from the professional's own rows (care team, open
    /// break-glass, a scoped grant that covers today and opens the identity) minus the patient's objections:
    /// an index seek per source, never a scan of the region. A list shows who the patient is, so a grant
    /// limited to other sections (the messages only) reads its sections from the record but lists nobody.
    /// </summary>
    public static IQueryable<Guid> VisibleTo(RelaisDb db, Guid professionalId, DateOnly today, DateTimeOffset now)
    {
        var (team, emergency, granted, objected) = Sources(db, professionalId, today, now);
        return team.Union(emergency).Union(granted).Where(id => !objected.Contains(id));
    }

    /// <summary>The rule's sources for one professional: the care team, open break-glass, scoped grants, and the objections.</summary>
    private static (IQueryable<Guid> Team, IQueryable<Guid> Emergency, IQueryable<Guid> Granted, IQueryable<Guid> Objected) Sources(
        RelaisDb db, Guid professionalId, DateOnly today, DateTimeOffset now) =>
        (db.CareTeamMembers.Where(Relais.Domain.Patients.CareTeamMember.ActiveNow(today)).Where(m => m.ProfessionalId == professionalId).Select(m => m.PatientId),
         db.BreakGlassGrants.Where(g => g.ProfessionalId == professionalId && g.GrantedAt <= now && g.ExpiresAt > now).Select(g => g.PatientId),
         db.AccessGrants.Where(g => g.ProfessionalId == professionalId && g.RevokedAt == null && g.From <= today && (g.Until == null || g.Until >= today)
             && (g.Sections & RecordSections.Identity) == RecordSections.Identity).Select(g => g.PatientId),
         db.AccessObjections.Where(o => o.ProfessionalId == professionalId && o.WithdrawnAt == null).Select(o => o.PatientId));

    /// <summary>
    /// The same patients as <see cref="VisibleIds"/>, but each as many times as it has a source (a care-team role, an open
    /// break-glass, a grant): for a list that joins its rows to it and keeps them distinct by their own key. The union of
    /// <see cref="VisibleIds"/> builds a hash of the ~1,900 patients a nurse coordinator sees before probing the list's rows,
    /// which cost the triage worklist a quarter of its SQL at 300,000 patients; the list's distinct over a few dozen rows costs
    /// nothing. Only for a query whose result is made distinct on the listed row's key.
    /// </summary>
    public static IQueryable<Guid> VisibleSources(RelaisDb db, CurrentUser user, DateOnly today, DateTimeOffset now)
    {
        if (user.Kind != AccessorKind.Professional) return VisibleIds(db, user, today, now);
        var (team, emergency, granted, objected) = Sources(db, user.Id, today, now);
        return team.Concat(emergency).Concat(granted).Where(p => !objected.Contains(p));
    }

    /// <summary>The ids the user may see today, as a subquery (no join back to the patients table).</summary>
    public static IQueryable<Guid> VisibleIds(RelaisDb db, CurrentUser user, DateOnly today, DateTimeOffset now)
    {
        return user.Kind switch
        {
            AccessorKind.Patient when user.OwnPatientId is { } own => db.Patients.Where(p => p.Id == own).Select(p => p.Id),
            AccessorKind.Professional => VisibleTo(db, user.Id, today, now),
            _ => db.Patients.Where(_ => false).Select(p => p.Id),
        };
    }

    /// <summary>
    /// The ids of <see cref="VisibleIds"/> still in care: the active lists (home page, worklists, call lists) leave
    /// out the patients who died or moved away (<see cref="Domain.Pathways.PathwayTransitions.HasLeftCare"/>). Their
    /// records stay readable through the access rule; only the to-do lists forget them.
    /// </summary>
    public static IQueryable<Guid> ActiveIds(RelaisDb db, CurrentUser user, DateOnly today, DateTimeOffset now)
    {
        var left = db.Episodes.Where(Domain.Pathways.PathwayTransitions.LeftCare);
        return VisibleIds(db, user, today, now).Where(id => !left.Any(e => e.PatientId == id));
    }

    /// <summary>
    /// The episodes of the patients who left care, for a to-do list to leave out on its own rows. A list over a large visible set
    /// (a nurse coordinator's ~1,900 patients) filters <c>visible.Contains(x.PatientId) &amp;&amp; !LeftCare(db).Any(e =&gt; e.PatientId ==
    /// x.PatientId)</c>: the same rows as <see cref="ActiveIds"/>, but the test of who left is made only for the patients who have an
    /// item on the list, not for every patient visible (at 300,000 patients, 64 probes instead of 1,955 for the triage worklist).
    /// </summary>
    public static IQueryable<Domain.Episodes.CancerEpisode> LeftCare(RelaisDb db) => db.Episodes.Where(Domain.Pathways.PathwayTransitions.LeftCare);

    /// <summary>The patients still in care (<see cref="ActiveIds"/>), for a list of patients.</summary>
    public static IQueryable<Domain.Patients.Patient> StillInCare(this IQueryable<Domain.Patients.Patient> patients, RelaisDb db)
    {
        var left = db.Episodes.Where(Domain.Pathways.PathwayTransitions.LeftCare);
        return patients.Where(p => !left.Any(e => e.PatientId == p.Id));
    }

    public static IQueryable<Domain.Patients.Patient> AccessibleTo(this IQueryable<Domain.Patients.Patient> patients, RelaisDb db, CurrentUser user, DateOnly today, DateTimeOffset now)
    {
        return user.Kind switch
        {
            AccessorKind.Patient when user.OwnPatientId is { } own => patients.Where(p => p.Id == own),
            AccessorKind.Professional => patients.Where(p => VisibleTo(db, user.Id, today, now).Contains(p.Id)),
            _ => patients.Where(_ => false),
        };
    }
}
