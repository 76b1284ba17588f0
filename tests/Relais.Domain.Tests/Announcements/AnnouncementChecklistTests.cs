using Relais.Domain.Announcements;
using Relais.Domain.Patients;
using static Relais.Domain.Tests.Builders.AnnouncementRecords;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.Announcements;

/// <summary>The announcement guide's checklist: which items apply and when each is done.</summary>
public class AnnouncementChecklistTests
{
    [Fact]
    public void Checklist_FollowsTheOrderOfTheGuide()
    {
        var codes = Open().Checklist(60, FertilityAgeBounds.Female).Select(i => i.Code);

        Assert.Equal(
            ["gp-contacted", "gp-context", "medical-time", "nursing-time", "supportive-care", "social-fragility", "social-worker",
             "fertility", "fertility-referral", "contraception", "tobacco", "cessation", "trusted-person", "advance-directives"],
            codes);
    }

    [Fact]
    public void Checklist_OfANewRecord_HasNothingDone_AndOnlyTheConditionalItemsNotApplicable()
    {
        var checklist = Open().Checklist(60, FertilityAgeBounds.Female);

        Assert.All(checklist, i => Assert.False(i.Done));
        Assert.All(checklist, i => Assert.False(string.IsNullOrWhiteSpace(i.Label)));
        Assert.Equal(["social-worker", "fertility", "fertility-referral", "contraception", "cessation"], checklist.Where(i => !i.Applicable).Select(i => i.Code));
    }

    public static TheoryData<string, Action<AnnouncementRecord>, string[]> Steps() => new()
    {
        { "GP contacted", r => r.GpContacted(Now), ["gp-contacted"] },
        { "GP context", r => r.RecordGpContext("Contexte familial.", Now), ["gp-context"] },
        { "medical time", r => r.RecordMedicalTime(Today, Oncologist, "Diagnostic et traitement.", Today, Now), ["medical-time"] },
        { "nursing time accepted", r => r.RecordNursingTime(NursingTime.Accepted, Today, Today, Now), ["nursing-time"] },
        { "nursing time declined", r => r.RecordNursingTime(NursingTime.Declined, null, Today, Now), ["nursing-time"] },
        { "nursing time only offered", r => r.RecordNursingTime(NursingTime.Offered, null, Today, Now), [] },
        { "supportive care", r => r.RecordSupportiveCareNeeds("Diététique.", Now), ["supportive-care"] },
        { "EPICES, not precarious", r => r.RecordEpices(NotPrecarious, false, Now), ["social-fragility"] },
        { "EPICES, precarious and oriented", r => r.RecordEpices(Precarious, true, Now), ["social-fragility", "social-worker"] },
        { "fertility", r => r.RecordInformation(true, TobaccoStatus.Unknown, false, false, false, Now), ["fertility"] },
        { "tobacco status", r => r.RecordInformation(false, TobaccoStatus.Never, false, false, false, Now), ["tobacco"] },
        { "cessation offered", r => r.RecordInformation(false, TobaccoStatus.Current, true, false, false, Now), ["tobacco", "cessation"] },
        { "trusted person", r => r.RecordInformation(false, TobaccoStatus.Unknown, false, true, false, Now), ["trusted-person"] },
        { "advance directives", r => r.RecordInformation(false, TobaccoStatus.Unknown, false, false, true, Now), ["advance-directives"] },
        { "fertility preservation proposed", r => r.RecordFertilityReferral(FertilityReferral.Proposed, Today, null, Today, Now), ["fertility-referral"] },
        { "contraception advised", r => r.RecordContraceptionAdvice("Préservatifs pendant la chimiothérapie.", Now), ["contraception"] },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void EachStep_TicksItsOwnItems_AndNoOther(string step, Action<AnnouncementRecord> act, string[] done)
    {
        var record = Open();

        act(record);

        var ticked = record.Checklist(30, FertilityAgeBounds.Female).Where(i => i.Done).Select(i => i.Code).ToList();
        Assert.True(ticked.SequenceEqual(done), $"{step}: ticked [{string.Join(", ", ticked)}], expected [{string.Join(", ", done)}]");
    }

    /// <summary>Reproductive age by sex, adolescents included (issue 10 point 8: the old 15–45 for both sexes missed both).</summary>
    [Theory]
    [InlineData(Sex.Female, 9, false)]
    [InlineData(Sex.Female, 10, true)]
    [InlineData(Sex.Female, 14, true)]
    [InlineData(Sex.Female, 49, true)]
    [InlineData(Sex.Female, 50, false)]
    [InlineData(Sex.Male, 9, false)]
    [InlineData(Sex.Male, 10, true)]
    [InlineData(Sex.Male, 50, true)]
    [InlineData(Sex.Male, 59, true)]
    [InlineData(Sex.Male, 60, false)]
    [InlineData(Sex.Unknown, 59, true)]
    [InlineData(Sex.Other, 10, true)]
    public void Fertility_AppliesWithinTheReproductiveAgeOfTheSex_AdolescentsIncluded(Sex sex, int age, bool applicable)
    {
        foreach (var code in new[] { "fertility", "fertility-referral", "contraception" })
            Assert.Equal(applicable, Item(Open(), code, age, FertilityAgeBounds.For(sex)).Applicable);
    }

    [Theory]
    [InlineData(17, false)]
    [InlineData(18, true)]
    [InlineData(40, true)]
    [InlineData(41, false)]
    public void Fertility_FollowsConfiguredBounds(int age, bool applicable) =>
        Assert.Equal(applicable, Item(Open(), "fertility", age, new FertilityAgeBounds(18, 40)).Applicable);

    [Theory]
    [InlineData(TobaccoStatus.Unknown, false)]
    [InlineData(TobaccoStatus.Never, false)]
    [InlineData(TobaccoStatus.Former, false)]
    [InlineData(TobaccoStatus.Current, true)]
    public void Cessation_AppliesOnlyToCurrentSmokers(TobaccoStatus tobacco, bool applicable)
    {
        var record = Open();

        record.RecordInformation(false, tobacco, cessationOffered: true, false, false, Now);

        var item = Item(record, "cessation");
        Assert.Equal(applicable, item.Applicable);
        Assert.Equal(applicable, item.Done);
        Assert.Equal(applicable, record.CessationOffered);
        Assert.Equal(tobacco != TobaccoStatus.Unknown, Item(record, "tobacco").Done);
    }

    [Fact]
    public void Cessation_NotOfferedToACurrentSmoker_IsMissing()
    {
        var record = Open();

        record.RecordInformation(false, TobaccoStatus.Current, cessationOffered: false, false, false, Now);

        var item = Item(record, "cessation");
        Assert.True(item.Applicable);
        Assert.False(item.Done);
    }

    [Theory]
    // 75.14 −11.83 −8.28 −8.28 −9.47 −7.10 = 30.18: precarious, the social worker applies
    [InlineData(new[] { 2, 3, 4, 9, 11 }, true)]
    // 75.14 −11.83 −8.28 −8.28 −6.51 −9.47 −7.10 = 23.67: not precarious
    [InlineData(new[] { 2, 3, 4, 6, 9, 7 }, false)]
    [InlineData(new[] { 1, 5 }, true)]
    [InlineData(new[] { 2, 3, 4, 6, 7, 8, 9, 10, 11 }, false)]
    public void SocialWorker_AppliesOnlyFromEpices30_17(int[] yes, bool applicable)
    {
        var record = Open();

        record.RecordEpices(Answers(yes), socialWorkerOriented: true, Now);

        Assert.Equal(applicable, record.IsPrecarious);
        Assert.Equal(applicable, Item(record, "social-worker").Applicable);
    }

    [Fact]
    public void SocialWorker_DoesNotApply_BeforeEpicesIsScored()
    {
        var record = Open();

        Assert.False(record.IsPrecarious);
        Assert.False(Item(record, "social-worker").Applicable);
    }
}
