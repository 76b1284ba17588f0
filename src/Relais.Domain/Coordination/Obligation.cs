namespace Relais.Domain.Coordination;

/// <summary>
/// The hospital–GP coordination obligations of PRODUCT.md §4: each box "COORDINATION VILLE-HÔPITAL"
/// of the INCa guide [G] becomes a tracked transmission.
/// </summary>
public enum ObligationCode { C1 = 1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13, C14, C15 }

/// <summary>Who sends under an obligation.</summary>
public enum SenderSide { Team, GeneralPractitioner, TumorBoardSecretariat, TeamWithGp, Either }

/// <summary>
/// Who receives: the patient's declared GP, the patient, the community pharmacist, the hospital team
/// (one named owner of the team's queue, see <see cref="TeamSignals"/>), and the GP's copy of a signal
/// addressed to the team.
/// </summary>
[Flags]
public enum RecipientKinds
{
    None = 0,
    GeneralPractitioner = 1,
    Patient = 2,
    Pharmacist = 4,
    SpecialistTeam = 8,
    /// <summary>
    /// The GP told of a signal addressed to the team (C14: every early return of his patient, whoever
    /// raised it). A kind of its own, so that what counts the GP as the addressee of C1–C15 stays exact.
    /// </summary>
    GeneralPractitionerCopy = 16,
}

[Flags]
public enum Channels
{
    None = 0,
    InApp = 1,
    SecureMail = 2,
}

/// <summary>
/// One obligation: its trigger, its sender, its recipients, what travels, and how soon it must be
/// acknowledged — <see cref="UrgentDueDelay"/> when the transmission is urgent —, and why that delay
/// (<see cref="DelaySource"/>, for the delays chosen for urgent signals).
/// </summary>
public sealed record Obligation(
    ObligationCode Code,
    string Trigger,
    SenderSide Sender,
    RecipientKinds Recipients,
    string WhatTravels,
    TimeSpan DefaultDueDelay,
    Channels Channels,
    string GuideSection,
    bool Urgent = false,
    TimeSpan? UrgentDueDelay = null,
    string? DelaySource = null)
{
    /// <summary>The delay to acknowledge: the urgent one when the transmission is urgent and the obligation has one.</summary>
    public TimeSpan DueDelayFor(bool urgent, TimeSpan organisationDelay) =>
        (urgent || Urgent) && UrgentDueDelay is { } fast && fast < organisationDelay ? fast : organisationDelay;
}
