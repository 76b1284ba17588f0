using Relais.Domain.Announcements;

namespace Relais.Domain.Tests.Announcements;

public class AnnouncementRecordTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 16, 9, 30, 0, TimeSpan.FromHours(2));
    private static readonly DateOnly Today = new(2025, 6, 16);
    private static readonly Guid Patient = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid Episode = Guid.Parse("0197a000-0000-7000-8000-000000000002");
    private static readonly Guid Oncologist = Guid.Parse("0197a000-0000-7000-8000-000000000010");

    /// <summary>Score 100: sees a social worker, financial difficulties, "no" to everything else.</summary>
    private static readonly bool[] Precarious = Answers(1, 5);
    /// <summary>Score 0: the least deprived answers.</summary>
    private static readonly bool[] NotPrecarious = Answers(2, 3, 4, 6, 7, 8, 9, 10, 11);

    private static bool[] Answers(params int[] yes) => Enumerable.Range(1, 11).Select(i => yes.Contains(i)).ToArray();

    private static AnnouncementRecord Open() => AnnouncementRecord.Open(Patient, Episode, Now);

    private static ChecklistItem Item(AnnouncementRecord record, string code, int age = 60, FertilityAgeBounds? bounds = null) =>
        record.Checklist(age, bounds ?? FertilityAgeBounds.Default).Single(i => i.Code == code);

    /// <summary>Every item of the guide done, for a current smoker with a precarious EPICES score.</summary>
    private static AnnouncementRecord Complete(TobaccoStatus tobacco = TobaccoStatus.Current, bool fertility = true)
    {
        var record = Open();
        record.GpContacted(Now.AddDays(-3));
        record.RecordGpContext("Vit seule, en arrêt de travail, fille à Lyon.", Now.AddDays(-2));
        record.RecordMedicalTime(Today.AddDays(-1), Oncologist, "Diagnostic, chirurgie proposée, bénéfices et effets indésirables.", Today, Now);
        record.RecordNursingTime(NursingTime.Accepted, Today, Today, Now);
        record.RecordSupportiveCareNeeds("Soutien psychologique, diététique.", Now);
        record.RecordEpices(Precarious, socialWorkerOriented: true, Now);
        record.RecordInformation(fertility, tobacco, cessationOffered: true, trustedPerson: true, advanceDirectives: true, Now);
        return record;
    }

    // --- Checklist ---

    [Fact]
    public void Checklist_FollowsTheOrderOfTheGuide()
    {
        var codes = Open().Checklist(60, FertilityAgeBounds.Default).Select(i => i.Code);

        Assert.Equal(
            ["gp-contacted", "gp-context", "medical-time", "nursing-time", "supportive-care", "social-fragility", "social-worker",
             "fertility", "tobacco", "cessation", "trusted-person", "advance-directives"],
            codes);
    }

    [Fact]
    public void Checklist_OfANewRecord_HasNothingDone_AndOnlyTheConditionalItemsNotApplicable()
    {
        var checklist = Open().Checklist(60, FertilityAgeBounds.Default);

        Assert.All(checklist, i => Assert.False(i.Done));
        Assert.All(checklist, i => Assert.False(string.IsNullOrWhiteSpace(i.Label)));
        Assert.Equal(["social-worker", "fertility", "cessation"], checklist.Where(i => !i.Applicable).Select(i => i.Code));
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
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void EachStep_TicksItsOwnItems_AndNoOther(string step, Action<AnnouncementRecord> act, string[] done)
    {
        var record = Open();

        act(record);

        var ticked = record.Checklist(30, FertilityAgeBounds.Default).Where(i => i.Done).Select(i => i.Code).ToList();
        Assert.True(ticked.SequenceEqual(done), $"{step}: ticked [{string.Join(", ", ticked)}], expected [{string.Join(", ", done)}]");
    }

    [Theory]
    [InlineData(14, false)]
    [InlineData(15, true)]
    [InlineData(30, true)]
    [InlineData(45, true)]
    [InlineData(46, false)]
    public void Fertility_AppliesWithinTheDefaultReproductiveAge_BoundsIncluded(int age, bool applicable) =>
        Assert.Equal(applicable, Item(Open(), "fertility", age).Applicable);

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

    // --- EPICES ---

    [Fact]
    public void RecordEpices_RefusesAPrecariousScore_WithoutOrientationToTheSocialWorker()
    {
        var record = Open();

        var error = Assert.Throws<DomainValidationException>(() => record.RecordEpices(Precarious, socialWorkerOriented: false, Now.AddHours(1)));

        Assert.Equal("socialWorkerOriented", error.Field);
        Assert.Contains("100", error.Message);
        Assert.Null(record.EpicesScore);
        Assert.Null(record.EpicesAnswers);
        Assert.Equal(Now, record.UpdatedAt);
    }

    [Fact]
    public void RecordEpices_AcceptsAPrecariousScore_WithOrientation()
    {
        var record = Open();
        var at = Now.AddHours(1);

        var result = record.RecordEpices(Precarious, socialWorkerOriented: true, at);

        Assert.Equal(new Epices.Result(100m, true), result);
        Assert.Equal(100m, record.EpicesScore);
        Assert.Equal("10001000000", record.EpicesAnswers);
        Assert.True(record.SocialWorkerOriented);
        Assert.Equal(at, record.UpdatedAt);
        Assert.True(Item(record, "social-worker").Done);
    }

    [Fact]
    public void RecordEpices_AcceptsANonPrecariousScore_WithoutOrientation()
    {
        var record = Open();

        var result = record.RecordEpices(NotPrecarious, socialWorkerOriented: false, Now);

        Assert.False(result.Precarious);
        Assert.Equal(0m, record.EpicesScore);
        Assert.False(record.SocialWorkerOriented);
    }

    [Fact]
    public void RecordEpices_RefusesAnIncompleteQuestionnaire()
    {
        var error = Assert.Throws<DomainValidationException>(() => Open().RecordEpices(new bool[10], false, Now));

        Assert.Equal("answers", error.Field);
    }

    // --- Nursing time ---

    [Fact]
    public void RecordNursingTime_Accepted_NeedsADate()
    {
        var record = Open();

        var error = Assert.Throws<DomainValidationException>(() => record.RecordNursingTime(NursingTime.Accepted, null, Today, Now));

        Assert.Equal("nursingTimeOn", error.Field);
        Assert.Equal(NursingTime.NotYetOffered, record.NursingTime);
    }

    [Theory]
    [InlineData(NursingTime.Accepted)]
    [InlineData(NursingTime.Declined)]
    public void RecordNursingTime_RefusesAFutureDate(NursingTime state)
    {
        var error = Assert.Throws<DomainValidationException>(() => Open().RecordNursingTime(state, Today.AddDays(1), Today, Now));

        Assert.Equal("nursingTimeOn", error.Field);
    }

    [Fact]
    public void RecordNursingTime_KeepsTheStateAndDate()
    {
        var record = Open();

        record.RecordNursingTime(NursingTime.Accepted, Today, Today, Now.AddHours(2));

        Assert.Equal(NursingTime.Accepted, record.NursingTime);
        Assert.Equal(Today, record.NursingTimeOn);
        Assert.Equal(Now.AddHours(2), record.UpdatedAt);
    }

    // --- Medical time ---

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RecordMedicalTime_NeedsAnExplanation(string? explained)
    {
        var record = Open();

        var error = Assert.Throws<DomainValidationException>(() => record.RecordMedicalTime(Today, Oncologist, explained, Today, Now));

        Assert.Equal("medicalTimeExplained", error.Field);
        Assert.Null(record.MedicalTimeOn);
    }

    [Fact]
    public void RecordMedicalTime_RefusesAFutureDate()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            Open().RecordMedicalTime(Today.AddDays(1), Oncologist, "Diagnostic et traitement.", Today, Now));

        Assert.Equal("medicalTimeOn", error.Field);
    }

    [Fact]
    public void RecordMedicalTime_KeepsTheDatePhysicianAndExplanation()
    {
        var record = Open();

        record.RecordMedicalTime(Today, Oncologist, "  Diagnostic et traitement.  ", Today, Now);

        Assert.Equal(Today, record.MedicalTimeOn);
        Assert.Equal(Oncologist, record.MedicalTimePhysicianId);
        Assert.Equal("Diagnostic et traitement.", record.MedicalTimeExplained);
    }

    // --- GP (C4) ---

    [Fact]
    public void GpContacted_KeepsTheFirstContact()
    {
        var record = Open();

        record.GpContacted(Now.AddDays(-3));
        record.GpContacted(Now);

        Assert.Equal(Now.AddDays(-3), record.GpContactedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void RecordGpContext_IsRefused_WhenEmpty(string? text)
    {
        var error = Assert.Throws<DomainValidationException>(() => Open().RecordGpContext(text, Now));

        Assert.Equal("gpContext", error.Field);
    }

    [Fact]
    public void RecordGpContext_IsLimitedTo4000Characters()
    {
        var record = Open();

        var error = Assert.Throws<DomainValidationException>(() => record.RecordGpContext(new string('x', 4001), Now));
        record.RecordGpContext(new string('x', 4000), Now);

        Assert.Equal("gpContext", error.Field);
        Assert.Equal(4000, record.GpContext!.Length);
    }

    [Fact]
    public void RecordSupportiveCareNeeds_Blank_LeavesTheItemUndone()
    {
        var record = Open();
        record.RecordSupportiveCareNeeds("Diététique.", Now);

        record.RecordSupportiveCareNeeds("  ", Now);

        Assert.Null(record.SupportiveCareNeeds);
        Assert.False(Item(record, "supportive-care").Done);
    }

    // --- Completeness ---

    [Fact]
    public void IsComplete_WhenEveryApplicableItemIsDone()
    {
        var record = Complete();

        Assert.All(record.Checklist(30, FertilityAgeBounds.Default), i => Assert.True(i.Done, i.Code));
        Assert.True(record.IsComplete(30, FertilityAgeBounds.Default));
    }

    [Fact]
    public void IsComplete_IgnoresItemsThatDoNotApply()
    {
        // A 60-year-old former smoker, not informed on fertility (not of reproductive age).
        var record = Complete(TobaccoStatus.Former, fertility: false);

        Assert.True(record.IsComplete(60, FertilityAgeBounds.Default));
        Assert.False(Item(record, "fertility", 60).Done);
        Assert.False(Item(record, "cessation", 60).Done);
    }

    [Fact]
    public void IsComplete_IsFalse_WhileAnApplicableItemIsMissing()
    {
        var record = Complete(fertility: false);

        Assert.False(record.IsComplete(30, FertilityAgeBounds.Default));
        Assert.True(record.IsComplete(46, FertilityAgeBounds.Default));
    }

    [Fact]
    public void IsComplete_IsFalse_ForANewRecord() => Assert.False(Open().IsComplete(60, FertilityAgeBounds.Default));
}
