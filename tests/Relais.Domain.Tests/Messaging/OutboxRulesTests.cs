using Relais.Domain.Messaging;

namespace Relais.Domain.Tests.Messaging;

public class OutboxRulesTests
{
    [Theory]
    [InlineData(0, 30)]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(9, 3600)]
    [InlineData(100, 3600)]
    [InlineData(int.MaxValue, 3600)]
    public void Backoff_DoublesFromThirtySeconds_AndIsCappedAtOneHour(int attempts, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), OutboxRules.Backoff(attempts));
    }

    [Fact]
    public void MessageId_IsTheOutboxIdAtTheDomain_InAngleBrackets()
    {
        var id = Guid.Parse("0197a000-0000-7000-8000-0000000000ab");

        Assert.Equal("<0197a0000000700080000000000000ab@relais.example.fr>", OutboxRules.MessageId(id, "relais.example.fr"));
    }

    [Fact]
    public void MessageId_IsTheSame_ForEveryResendOfOneOutboxRow()
    {
        var id = Guid.Parse("0197a000-0000-7000-8000-0000000000ab");

        Assert.Equal(OutboxRules.MessageId(id, "relais.example.fr"), OutboxRules.MessageId(Guid.Parse(id.ToString()), "relais.example.fr"));
    }

    [Fact]
    public void MessageId_Differs_BetweenTwoOutboxRows()
    {
        Assert.NotEqual(
            OutboxRules.MessageId(Guid.Parse("0197a000-0000-7000-8000-0000000000ab"), "relais.example.fr"),
            OutboxRules.MessageId(Guid.Parse("0197a000-0000-7000-8000-0000000000ac"), "relais.example.fr"));
    }
}
