namespace Relais.Domain.Programmes;

/// <summary>
/// A change the GP proposes to the PPAC in force: the PPAC is "drawn up by the specialist team together with the
/// GP" and "revisable" ([G] 3, PRODUCT.md §6), so the GP writes what should change and the team answers with a new
/// version, which closes the proposal. It is not itself a version: nothing is sent until the team revises.
/// </summary>
public sealed class ProgrammeProposal
{
    private ProgrammeProposal() { }

    public const int MaxText = 4000;

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    /// <summary>The version the GP read when proposing.</summary>
    public Guid ProgrammeId { get; private set; }
    public Guid LineageId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset ProposedAt { get; private set; }
    /// <summary>The version that took the proposal into account; null while it is open.</summary>
    public Guid? AnsweredByProgrammeId { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool Open => AnsweredByProgrammeId is null;

    public static ProgrammeProposal Propose(CareProgramme programme, Guid author, string? text, DateTimeOffset now)
    {
        if (programme.Kind != ProgrammeKind.Ppac)
            throw new DomainValidationException("programmeId", "Les propositions du médecin traitant portent sur le PPAC.");
        if (programme.Superseded)
            throw new DomainValidationException("programmeId", "Cette version a été remplacée : proposez vos modifications sur la version en cours.");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainValidationException("text", "Écrivez la modification proposée.");
        if (text.Length > MaxText) throw new DomainValidationException("text", $"La proposition dépasse {MaxText} caractères.");
        return new ProgrammeProposal
        {
            Id = Guid.CreateVersion7(now), PatientId = programme.PatientId, ProgrammeId = programme.Id, LineageId = programme.LineageId,
            AuthorId = author, Text = text.Trim(), ProposedAt = now,
        };
    }

    /// <summary>The revision <paramref name="revision"/> answers the proposal (a revision answers every open one of its lineage).</summary>
    public void AnsweredBy(CareProgramme revision, DateTimeOffset now)
    {
        if (revision.LineageId != LineageId) throw new InvalidOperationException("A revision answers the proposals of its own programme.");
        AnsweredByProgrammeId ??= revision.Id;
        AnsweredAt ??= now;
    }
}
