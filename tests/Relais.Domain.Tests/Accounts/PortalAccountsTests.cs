using Relais.Domain.Accounts;

namespace Relais.Domain.Tests.Accounts;

public class PortalAccountsTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    // The code as printed, or typed without dashes and in small letters.
    [InlineData("same", 0, false, InvitationState.Valid)]
    [InlineData("lower", 0, false, InvitationState.Valid)]
    [InlineData("same", 30 * 24, false, InvitationState.Valid)]
    // Past 30 days the letter has expired; a wrong code is not told apart from an unknown identifier.
    [InlineData("same", 30 * 24 + 1, false, InvitationState.Expired)]
    [InlineData("wrong", 0, false, InvitationState.Invalid)]
    [InlineData("empty", 0, false, InvitationState.Invalid)]
    // Once the account is activated the letter is spent.
    [InlineData("same", 0, true, InvitationState.Spent)]
    public void ALetterCode_IsValid30Days_Once(string typed, int hoursLater, bool activated, InvitationState expected)
    {
        var code = PortalAccounts.NewLetterCode();
        var text = typed switch
        {
            "same" => code,
            "lower" => code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(),
            "wrong" => PortalAccounts.NewLetterCode(),
            _ => "",
        };

        Assert.Equal(expected, PortalAccounts.CheckLetter(text, PortalAccounts.Hash(code), Issued, activated, Issued.AddHours(hoursLater)));
    }

    [Fact]
    public void ALetterCode_HasThreeGroupsOfUnambiguousCharacters()
    {
        var code = PortalAccounts.NewLetterCode();

        Assert.Matches("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$", code);
    }

    [Theory]
    [InlineData("marie.durand@example.fr", true)]
    [InlineData("patient-12345678@sans-courriel.invalid", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void APatientWithoutEMail_HasNoMailbox(string? email, bool mailbox) => Assert.Equal(mailbox, PortalAccounts.HasMailbox(email));

    [Theory]
    [InlineData("1962-02-20", true)]
    [InlineData("1962-02-21", false)]
    [InlineData(null, false)]
    public void TheBirthDate_MustBeTheRecords(string? typed, bool matches) =>
        Assert.Equal(matches, PortalAccounts.BirthDateMatches(typed is null ? null : DateOnly.Parse(typed, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(1962, 2, 20)));
}
