using Relais.Domain.Professionals;
using Relais.Domain.SupportiveCare;

namespace Relais.Domain.Tests.SupportiveCare;

/// <summary>The post-cancer package's rules (décret 2020-1665, CSP R.1415-1-11 ff.), each at and around its limit.</summary>
public class PostCancerPackageTests
{
    private static readonly PostCancerPackageLimits Limits = new();
    private static readonly DateOnly End = new(2026, 3, 15);
    private static readonly DateOnly Today = new(2027, 6, 1);
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static string? Refusal(Action check)
    {
        try { check(); return null; }
        catch (DomainValidationException e) { return e.Field; }
    }

    [Theory]
    [InlineData(Specialty.MedicalOncology, false, true)]
    [InlineData(Specialty.Radiotherapy, false, true)]
    [InlineData(Specialty.Haematology, false, true)]
    [InlineData(Specialty.Gynaecology, false, true)]
    [InlineData(Specialty.Surgery, false, true)]
    [InlineData(Specialty.Paediatrics, false, true)]
    [InlineData(Specialty.GeneralPractice, true, true)]
    [InlineData(Specialty.GeneralPractice, false, false)]
    [InlineData(Specialty.Psychology, false, false)]
    [InlineData(Specialty.Nursing, false, false)]
    [InlineData(Specialty.Pathology, false, false)]
    public void OnlyTheCancerSpecialists_APaediatrician_OrTheTreatingGp_Prescribe(Specialty specialty, bool treatingGp, bool may) =>
        Assert.Equal(may, PostCancerPackage.MayPrescribe(specialty, treatingGp));

    [Theory]
    [InlineData("2026-03-14", true, null, "prescribedOn")]   // the day before the end of active treatment
    [InlineData("2026-03-15", true, null, null)]             // the day it ends
    [InlineData("2027-03-15", true, null, null)]             // twelve months after
    [InlineData("2027-03-16", true, null, "prescribedOn")]   // a day too late
    [InlineData("2026-06-01", false, null, "ald")]           // not in ALD
    [InlineData("2027-06-02", true, null, "prescribedOn")]   // in the future
    [InlineData("2026-09-01", true, "2025-09-02", "prescribedOn")] // a package in the year before
    [InlineData("2026-09-01", true, "2025-09-01", null)]     // exactly a year after the previous one
    public void APrescription_FallsInTheWindow_ForAPatientInAld_OncePerYear(string on, bool inAld, string? earlier, string? field)
    {
        DateOnly[] previous = earlier is null ? [] : [D(earlier)];
        Assert.Equal(field, Refusal(() => PostCancerPackage.CheckPrescription(D(on), Today, End, inAld, previous, Limits)));
    }

    [Fact]
    public void WithoutAnEndOfTreatment_NoPackageIsPrescribed() =>
        Assert.Equal("prescribedOn", Refusal(() => PostCancerPackage.CheckPrescription(D("2026-06-01"), Today, null, true, [], Limits)));

    private static readonly DateOnly Prescribed = D("2026-04-01");

    private static PackageAct A(PackageActKind kind, PackageDiscipline discipline, string on) => new(kind, discipline, D(on));
    private const PackageActKind Bilan = PackageActKind.Assessment;
    private const PackageActKind Suivi = PackageActKind.Consultation;

    [Fact]
    public void TheDoneWhenExample_OneAssessmentAndTwoConsultations_Leave90EurAnd4Consultations()
    {
        List<PackageAct> acts = [A(Bilan, PackageDiscipline.Psychology, "2026-04-10"), A(Suivi, PackageDiscipline.Psychology, "2026-05-10"), A(Suivi, PackageDiscipline.Psychology, "2026-06-10")];
        var balance = PostCancerPackage.Balance(acts, Limits);
        Assert.Equal(90m, balance.SpentEur);
        Assert.Equal(90m, balance.RemainingEur);
        Assert.Equal(4, balance.RemainingConsultations);
        Assert.Equal(D("2027-04-10"), balance.DeliverBy);
    }

    [Fact]
    public void NoDeliveryDeadline_BeforeTheFirstAssessment() =>
        Assert.Null(PostCancerPackage.Balance([], Limits).DeliverBy);

    [Fact]
    public void TheSixthConsultationPasses_TheSeventhIsRefused()
    {
        // Two assessments (90 EUR) leave 90 EUR: four consultations. With one assessment (45), six consultations (135) reach the ceiling exactly.
        List<PackageAct> acts = [A(Bilan, PackageDiscipline.Dietetics, "2026-04-10")];
        for (var i = 0; i < 5; i++) acts.Add(A(Suivi, PackageDiscipline.Dietetics, $"2026-05-{10 + i}"));
        var sixth = A(Suivi, PackageDiscipline.Dietetics, "2026-06-01");
        Assert.Null(Refusal(() => PostCancerPackage.CheckAct(acts, sixth, Prescribed, Today, Limits)));
        acts.Add(sixth);
        Assert.Equal(180m, PostCancerPackage.Balance(acts, Limits).SpentEur);
        Assert.Equal("kind", Refusal(() => PostCancerPackage.CheckAct(acts, A(Suivi, PackageDiscipline.Dietetics, "2026-06-02"), Prescribed, Today, Limits)));
    }

    [Fact]
    public void TheCeiling_RefusesTheActThatWouldPassIt()
    {
        // Three assessments (135) leave 45: two consultations (45) fit, a third would make 202.50.
        List<PackageAct> acts =
        [
            A(Bilan, PackageDiscipline.AdaptedPhysicalActivity, "2026-04-10"), A(Bilan, PackageDiscipline.Dietetics, "2026-04-11"), A(Bilan, PackageDiscipline.Psychology, "2026-04-12"),
            A(Suivi, PackageDiscipline.Psychology, "2026-05-01"),
        ];
        var second = A(Suivi, PackageDiscipline.Dietetics, "2026-05-02");
        Assert.Null(Refusal(() => PostCancerPackage.CheckAct(acts, second, Prescribed, Today, Limits)));
        acts.Add(second);
        Assert.Equal(0m, PostCancerPackage.Balance(acts, Limits).RemainingEur);
        Assert.Equal("kind", Refusal(() => PostCancerPackage.CheckAct(acts, A(Suivi, PackageDiscipline.Psychology, "2026-05-03"), Prescribed, Today, Limits)));
    }

    [Theory]
    [InlineData(PackageActKind.Consultation, PackageDiscipline.AdaptedPhysicalActivity, "2026-05-01", "discipline")] // APA sessions are not funded
    [InlineData(PackageActKind.Assessment, PackageDiscipline.Psychology, "2026-05-01", "discipline")]               // a second psychological assessment
    [InlineData(PackageActKind.Consultation, PackageDiscipline.Dietetics, "2026-05-01", "discipline")]              // no dietetic assessment yet
    [InlineData(PackageActKind.Consultation, PackageDiscipline.Psychology, "2026-03-31", "on")]                     // before the prescription
    [InlineData(PackageActKind.Consultation, PackageDiscipline.Psychology, "2027-04-10", null)]                     // the last day of delivery
    [InlineData(PackageActKind.Consultation, PackageDiscipline.Psychology, "2027-04-11", "on")]                     // a day after it
    [InlineData(PackageActKind.Assessment, PackageDiscipline.Dietetics, "2027-06-02", "on")]                        // in the future
    [InlineData(PackageActKind.Assessment, PackageDiscipline.Dietetics, "2026-05-01", null)]
    public void EachAct_IsCheckedAgainstItsWindowsAndDisciplines(PackageActKind kind, PackageDiscipline discipline, string on, string? field)
    {
        List<PackageAct> acts = [A(Bilan, PackageDiscipline.Psychology, "2026-04-10")];
        Assert.Equal(field, Refusal(() => PostCancerPackage.CheckAct(acts, new PackageAct(kind, discipline, D(on)), Prescribed, Today, Limits)));
    }

    [Fact]
    public void TheFiguresAreConfiguration()
    {
        var limits = new PostCancerPackageLimits { CeilingEur = 90m, MaxConsultations = 2 };
        List<PackageAct> acts = [A(Bilan, PackageDiscipline.Psychology, "2026-04-10"), A(Suivi, PackageDiscipline.Psychology, "2026-04-20"), A(Suivi, PackageDiscipline.Psychology, "2026-04-21")];
        var balance = PostCancerPackage.Balance(acts, limits);
        Assert.Equal(0, balance.RemainingConsultations);
        Assert.Equal(0m, balance.RemainingEur);
    }
}
