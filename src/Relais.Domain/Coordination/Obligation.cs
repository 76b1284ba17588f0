namespace Relais.Domain.Coordination;

/// <summary>
/// The hospital–GP coordination obligations of PRODUCT.md §4: each box "COORDINATION VILLE-HÔPITAL"
/// of the INCa guide [G] becomes a tracked transmission.
/// </summary>
public enum ObligationCode { C1 = 1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13, C14, C15 }

/// <summary>Who sends under an obligation.</summary>
public enum SenderSide { Team, GeneralPractitioner, TumorBoardSecretariat, TeamWithGp, Either }

/// <summary>Who receives: the patient's declared GP, the patient, the community pharmacist, the hospital team.</summary>
[Flags]
public enum RecipientKinds
{
    None = 0,
    GeneralPractitioner = 1,
    Patient = 2,
    Pharmacist = 4,
    SpecialistTeam = 8,
}

[Flags]
public enum Channels
{
    None = 0,
    InApp = 1,
    SecureMail = 2,
}

/// <summary>One obligation: its trigger, its sender, its recipients, what travels, and how soon it must be acknowledged.</summary>
public sealed record Obligation(
    ObligationCode Code,
    string Trigger,
    SenderSide Sender,
    RecipientKinds Recipients,
    string WhatTravels,
    TimeSpan DefaultDueDelay,
    Channels Channels,
    string GuideSection,
    bool Urgent = false);
