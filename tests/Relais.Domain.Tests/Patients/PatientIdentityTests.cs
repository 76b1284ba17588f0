using Relais.Domain.Patients;
using Relais.Domain.Tests.Builders;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.Patients;

/// <summary>A patient's identity: the INS agreeing with the traits, the RNIV status, and what undoes it.</summary>
public class PatientIdentityTests
{
    private static string Ins(string nir13) => nir13 + InsNumber.ComputeKey(nir13).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private static PatientDetails Details(string nir13 = "2800576123450", Sex sex = Sex.Female, DateOnly? birth = null, bool confirm = false, string? reason = null) =>
        new(Ins(nir13), "Durand", null, "Marie", birth ?? new DateOnly(1980, 5, 2), sex, null, null, null, null, null, null, null, null, null, confirm, reason);

    [Fact]
    public void Register_RefusesAnInsOfAnotherSexAndBirth_NamingTheInsAndBothFields()
    {
        var e = Assert.Throws<IdentityMismatchException>(() => Domain.Patients.Patient.Register(Details(sex: Sex.Male, birth: new DateOnly(1962, 5, 14)), Today, Now));
        Assert.Equal(["birthDate", "ins", "sex"], e.Fields.Keys.Order());
    }

    [Fact]
    public void Register_RefusesAConfirmationWithoutReason()
    {
        var e = Assert.Throws<DomainValidationException>(() => Domain.Patients.Patient.Register(Details(sex: Sex.Male, confirm: true), Today, Now));
        Assert.Equal("identityMismatchReason", e.Field);
    }

    [Fact]
    public void Register_KeepsAConfirmedMismatch_WithItsReason()
    {
        var patient = Domain.Patients.Patient.Register(Details(sex: Sex.Male, confirm: true, reason: "Carte Vitale de la mère présentée par erreur"), Today, Now);
        Assert.Equal("Carte Vitale de la mère présentée par erreur", patient.IdentityMismatchReason);
        Assert.Equal(IdentityStatus.Provisional, patient.IdentityStatus);
    }

    [Fact]
    public void AnInsTypedByHand_IsProvisional_AndADocumentValidatesIt_ButNeverQualifiesIt()
    {
        var patient = Domain.Patients.Patient.Register(Details(), Today, Now);
        Assert.Equal(IdentityStatus.Provisional, patient.IdentityStatus);
        patient.IdentityDocumentChecked(IdentityDocumentKind.NationalIdentityCard, Ids.Nurse, Today, Today, Now);
        Assert.Equal(IdentityStatus.Validated, patient.IdentityStatus);
    }

    [Fact]
    public void Insi_Recovers_AndWithADocument_Qualifies()
    {
        var patient = Domain.Patients.Patient.Register(Details(), Today, Now);
        patient.InsVerifiedByInsi(InsOids.NirTest, Now);
        Assert.Equal(IdentityStatus.Recovered, patient.IdentityStatus);
        patient.IdentityDocumentChecked(IdentityDocumentKind.Passport, Ids.Nurse, Today, Today, Now);
        Assert.Equal(IdentityStatus.Qualified, patient.IdentityStatus);
        Assert.Equal(InsOids.NirTest, patient.InsOid);
    }

    [Fact]
    public void ALowTrustDocument_ValidatesNothing()
    {
        var patient = Domain.Patients.Patient.Register(Details(), Today, Now);
        var e = Assert.Throws<DomainValidationException>(() => patient.IdentityDocumentChecked(IdentityDocumentKind.BirthCertificate, Ids.Nurse, Today, Today, Now));
        Assert.Equal("kind", e.Field);
        Assert.Equal(IdentityStatus.Provisional, patient.IdentityStatus);
    }

    [Fact]
    public void ChangingATraitByHand_UndoesTheChecks_ButChangingContactDetailsDoesNot()
    {
        var patient = Domain.Patients.Patient.Register(Details(), Today, Now);
        patient.InsVerifiedByInsi(InsOids.NirTest, Now);
        patient.IdentityDocumentChecked(IdentityDocumentKind.Passport, Ids.Nurse, Today, Today, Now);
        patient.Update(Details() with { Phone = "06 12 34 56 78" }, Today, Now);
        Assert.Equal(IdentityStatus.Qualified, patient.IdentityStatus);
        patient.Update(Details() with { FirstNames = "Marie-Anne" }, Today, Now);
        Assert.Equal(IdentityStatus.Provisional, patient.IdentityStatus);
        Assert.Null(patient.InsOid);
    }

    [Fact]
    public void AConfirmedMismatchOrASuspectedDuplicate_CannotBeRecoveredBeforeTheReferentReviewsIt()
    {
        var patient = Domain.Patients.Patient.Register(Details(sex: Sex.Male, confirm: true, reason: "vérifié au guichet"), Today, Now);
        Assert.Equal("ins", Assert.Throws<DomainValidationException>(() => patient.InsVerifiedByInsi(InsOids.NirTest, Now)).Field);
        patient.IdentityReviewed(Now);
        patient.InsVerifiedByInsi(InsOids.NirTest, Now);
        Assert.Equal(IdentityStatus.Recovered, patient.IdentityStatus);
    }

    [Fact]
    public void EveryChange_MovesTheVersion_AndAChangeFromAnOlderVersionIsRefused()
    {
        var patient = Domain.Patients.Patient.Register(Details(), Today, Now);
        var seen = patient.Version;
        patient.Update(Details() with { Phone = "06 12 34 56 78" }, Today, Now);
        Assert.Equal(seen + 1, patient.Version);
        Assert.Throws<StaleVersionException>(() => patient.EnsureVersion(seen));
        patient.EnsureVersion(seen + 1);
        patient.EnsureVersion(null);
    }
}
