namespace Relais.Domain.Pathways;

/// <summary>
/// The phases a cancer episode moves through (PRODUCT.md §3). The last four are terminal:
/// the episode's pathway ends there.
/// </summary>
public enum PathwayPhase
{
    /// <summary>The GP suspects a cancer, orders examinations, may "pre-announce" [G].</summary>
    Suspicion,

    /// <summary>Confirmed by pathology of a biopsy or specimen, or by biology for haematological malignancies [G].</summary>
    DiagnosisConfirmed,

    /// <summary>Dispositif d'annonce: medical time, nursing time, supportive care, social fragility [G][P].</summary>
    Announcement,

    /// <summary>RCP (réunion de concertation pluridisciplinaire), the multidisciplinary tumor board [G].</summary>
    TumorBoard,

    /// <summary>PPS (programme personnalisé de soins) delivered to the patient [G][P].</summary>
    CareProgramme,

    /// <summary>Surgery, chemotherapy, radiotherapy, hormone, targeted or immunotherapy, oral drugs at home.</summary>
    ActiveTreatment,

    /// <summary>The hospital team "passes the baton" to the GP; the PPAC is issued [P][G].</summary>
    EndOfTreatment,

    /// <summary>Alternating surveillance between GP and specialist [G][B].</summary>
    SharedFollowUp,

    /// <summary>After-cancer: surveillance over, after-effects and supportive care remain [L].</summary>
    AfterCancer,

    Palliative,

    Deceased,

    MovedAway,

    LostToFollowUp,

    /// <summary>The suspicion was not confirmed: no cancer.</summary>
    RuledOut,
}
