using Relais.Domain.Messaging;

namespace Relais.Domain.Tests.Messaging;

public class EmailAddressTests
{
    [Theory]
    [InlineData("luc.garnier@relais.demo", true)]
    [InlineData("secretariat-rcp+onco@chu-rouen.fr", true)]
    [InlineData("LUC.GARNIER@RELAIS.DEMO", true)]
    [InlineData("luc,garnier@relais.demo", false)] // a list of two mailboxes: the address that jammed the outbox (review H2)
    [InlineData("luc.garnier@relais.demo, autre@relais.demo", false)]
    [InlineData("Luc Garnier <luc.garnier@relais.demo>", false)]
    [InlineData("luc.garnier@relais", false)]
    [InlineData("luc garnier@relais.demo", false)]
    [InlineData("luc.garnier@", false)]
    [InlineData("@relais.demo", false)]
    [InlineData("luc.garnier", false)]
    [InlineData("luc.garnier@relais..demo", false)]
    [InlineData("hélène@relais.demo", false)] // refused by a mail server without SMTPUTF8
    [InlineData("luc@[10.0.0.1]", false)]
    [InlineData("luc.garnier@relais.demo\n", false)]
    public void AnAddressIsAcceptedOnlyWhenTheMailParserReadsItAsOnePlainMailbox(string address, bool valid)
    {
        Assert.Equal(valid, EmailAddress.IsValid(address));
    }

    [Fact]
    public void AnAddressLongerThanAnSmtpPathAllows_IsRefused()
    {
        Assert.True(EmailAddress.IsValid(new string('a', 64) + "@" + new string('b', 180) + ".fr"));
        Assert.False(EmailAddress.IsValid(new string('a', 64) + "@" + new string('b', 200) + ".fr"));
    }

    [Fact]
    public void Required_TrimsTheAddress_AndNamesTheFieldWhenItCannotBeSentTo()
    {
        Assert.Equal("luc.garnier@relais.demo", EmailAddress.Required("  luc.garnier@relais.demo ", "email"));
        Assert.Equal("contactEmail", Assert.Throws<DomainValidationException>(() => EmailAddress.Required("luc,garnier@relais.demo", "contactEmail")).Field);
        Assert.Equal("email", Assert.Throws<DomainValidationException>(() => EmailAddress.Required(" ", "email")).Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Optional_IsNullWhenBlank(string? text)
    {
        Assert.Null(EmailAddress.Optional(text, "email"));
    }
}
