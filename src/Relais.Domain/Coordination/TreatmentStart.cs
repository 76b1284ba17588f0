using Relais.Domain.Programmes;

namespace Relais.Domain.Coordination;

/// <summary>
/// C8 at every treatment phase start [G] 2.5: the GP manages the side effects of every treatment
/// ("chirurgie, radiothérapie, médicaments") and receives each phase's protocol, frequent complications and
/// advice; the patient's community pharmacist "le cas échéant", that is for the phases whose drugs he dispenses.
/// </summary>
public static class TreatmentStart
{
    /// <summary>Who a phase start informs under C8.</summary>
    public static RecipientKinds Recipients(TreatmentKind kind) =>
        DispensedInCommunity(kind) ? RecipientKinds.GeneralPractitioner | RecipientKinds.Pharmacist : RecipientKinds.GeneralPractitioner;

    /// <summary>
    /// Whether a phase of this kind comes with drugs dispensed by the community pharmacy [R]: oral drugs at
    /// home, hormone therapy (tamoxifen, aromatase inhibitors) and targeted therapies (mostly oral kinase
    /// inhibitors, [G] 2.5 lists their oral-anticancer guidance) obviously; chemotherapy too, whose
    /// antiemetics, growth factors and oral forms (capecitabine) are dispensed in town. Surgery and
    /// radiotherapy are delivered at the hospital; immunotherapy (checkpoint inhibitors) is infused there,
    /// reserved to hospital use.
    /// </summary>
    public static bool DispensedInCommunity(TreatmentKind kind) => kind switch
    {
        TreatmentKind.Chemotherapy or TreatmentKind.Hormone or TreatmentKind.Targeted or TreatmentKind.OralAtHome => true,
        TreatmentKind.Surgery or TreatmentKind.Radiotherapy or TreatmentKind.Immunotherapy => false,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
