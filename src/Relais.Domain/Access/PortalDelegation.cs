namespace Relais.Domain.Access;

/// <summary>
/// A patient delegates portal access to a caregiver (issue 11; PRODUCT.md §2 "a caregiver the patient delegates
/// portal access to | what the patient grants"): a scoped grant (<see cref="AccessGrant"/>) whose grantee is the
/// caregiver's account and whose author is the patient, so that the one access rule reads it. It is not the
/// personne de confiance of the record (designated in writing, co-signed, L1111-6), which by itself opens nothing.
/// </summary>
public static class PortalDelegation
{
    /// <summary>
    /// What a patient may open to a caregiver: the appointments and the carnet, the documents, the messages (issue 11).
    /// The rest of the record (identity, pathology, deliberations, psychological notes) stays between the patient and
    /// the team.
    /// </summary>
    public const RecordSections Delegable = RecordSections.Carnet | RecordSections.Documents | RecordSections.Messages;

    public const int MaxRelationshipLength = 100;

    /// <summary>The sections checked, and the grant's reason written from the relationship the patient named.</summary>
    public static (RecordSections Sections, string Reason) Validate(RecordSections sections, string? relationship)
    {
        if (sections == RecordSections.None)
            throw new DomainValidationException("sections", "Choisissez au moins une partie de votre dossier à partager.");
        if ((sections & ~Delegable) != RecordSections.None)
            throw new DomainValidationException("sections", "Un aidant ne peut voir que les rendez-vous et le carnet, les documents et les messages.");
        var text = relationship?.Trim() ?? "";
        if (text.Length == 0)
            throw new DomainValidationException("relationship", "Précisez votre lien avec cette personne (par exemple : fille, conjoint).");
        if (text.Length > MaxRelationshipLength)
            throw new DomainValidationException("relationship", $"{MaxRelationshipLength} caractères au plus.");
        return (sections, $"Délégation du patient à son aidant ({text})");
    }
}
