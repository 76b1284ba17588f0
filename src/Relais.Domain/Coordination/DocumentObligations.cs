using Relais.Domain.Documents;

namespace Relais.Domain.Coordination;

/// <summary>
/// Which obligation a signed document fires, by kind (PRODUCT.md §4, [G] "COORDINATION
/// VILLE-HÔPITAL"): signing is the trigger, so no obligation that a document satisfies is left to memory.
/// The one table of it: an uploaded document, and the PPS and PPAC Relais renders itself, fire what it says.
/// </summary>
public static class DocumentObligations
{
    public static ObligationCode? For(DocumentKind kind, bool signerIsGeneralPractitioner) => kind switch
    {
        // C1: a result goes from the team to the GP; C3: an examination the GP ordered goes back to the team [G] 1.1.
        DocumentKind.ExamResult => signerIsGeneralPractitioner ? ObligationCode.C3 : ObligationCode.C1,
        // C2: the signed pathology report [G] 1.1.
        DocumentKind.PathologyReport => ObligationCode.C2,
        // C5: the PPS, issued or revised [G] 1.2.
        DocumentKind.Pps => ObligationCode.C5,
        // C7: the RCP report, to the GP systematically [G] 1.3.
        DocumentKind.TumorBoardReport => ObligationCode.C7,
        // C8: treatment starts with its protocol [G] 2.5.
        DocumentKind.TreatmentProtocol => ObligationCode.C8,
        // C11: the PPAC at the end of active treatment [G] 3.4.
        DocumentKind.Ppac => ObligationCode.C11,
        // C12: the follow-up protocol as follow-up starts [G] 3.5.
        DocumentKind.FollowUpProtocol => ObligationCode.C12,
        _ => null,
    };
}
