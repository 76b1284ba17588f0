using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Messaging;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Messages;

/// <summary>Who reads which of a patient's threads: the care-team thread is for professionals, the patient thread for the patient and the team.</summary>
public static class Threads
{
    public static IReadOnlyList<ThreadKind> VisibleTo(CurrentUser user) =>
        user.Kind == AccessorKind.Professional ? [ThreadKind.CareTeam, ThreadKind.Patient] : [ThreadKind.Patient];

    /// <summary>The thread a user means when they name none: the team's for a professional, the patient's own for the patient and their caregiver.</summary>
    public static ThreadKind DefaultFor(CurrentUser user) => user.Kind == AccessorKind.Professional ? ThreadKind.CareTeam : ThreadKind.Patient;

    public static void EnsureAllowed(CurrentUser user, ThreadKind thread)
    {
        if (thread == ThreadKind.CareTeam && user.Kind != AccessorKind.Professional)
            throw new DomainValidationException("thread", "Le fil de l'équipe de soins est réservé aux professionnels.");
    }
}
