using Relais.Domain.Messaging;
using static Relais.Domain.Tests.Builders.Ids;

namespace Relais.Domain.Tests.Messaging;

public class ThreadMessageTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 16, 14, 5, 0, TimeSpan.FromHours(2));

    private static ThreadMessage Post(string? body) => ThreadMessage.Post(Patient, ThreadKind.Patient, Nurse, body, Now);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void Post_RefusesAnEmptyMessage(string? body)
    {
        Assert.Equal("body", Assert.Throws<DomainValidationException>(() => Post(body)).Field);
    }

    [Fact]
    public void Post_RefusesAMessageLongerThanFiveThousandCharacters()
    {
        Assert.Equal("body", Assert.Throws<DomainValidationException>(() => Post(new string('m', 5001))).Field);
    }

    [Fact]
    public void Post_AcceptsFiveThousandCharacters_AroundWhichSpacesAreTrimmed()
    {
        Assert.Equal(5000, Post("  " + new string('m', 5000) + "  ").Body.Length);
    }

    [Fact]
    public void Post_KeepsTheTrimmedBody_TheAuthorTheThreadAndTheTime()
    {
        var message = Post("  Votre prochaine cure est confirmée pour jeudi.  ");

        Assert.Equal("Votre prochaine cure est confirmée pour jeudi.", message.Body);
        Assert.Equal(Nurse, message.AuthorId);
        Assert.Equal(ThreadKind.Patient, message.Thread);
        Assert.Equal(Patient, message.PatientId);
        Assert.Equal(Now, message.SentAt);
    }

    [Theory]
    [InlineData(60, 60)]
    [InlineData(0, 0)]
    [InlineData(-60, 0)]
    public void ReadMark_MovesForward_ButNeverBack(int minutesFromMark, int expectedMinutesFromMark)
    {
        var mark = ThreadReadMark.Create(Patient, ThreadKind.CareTeam, Nurse, Now);

        mark.MoveTo(Now.AddMinutes(minutesFromMark));

        Assert.Equal(Now.AddMinutes(expectedMinutesFromMark), mark.ReadUpTo);
    }
}
