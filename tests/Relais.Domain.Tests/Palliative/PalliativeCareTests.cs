using Relais.Domain.Access;
using Relais.Domain.PalliativeCare;
using Relais.Domain.Professionals;

namespace Relais.Domain.Tests.PalliativeCare;

/// <summary>The rules of the palliative phase (issue 13 point 6, [G] §2.6) at their boundaries: HAD stays, agreements, renewal, plans, caregivers.</summary>
public class PalliativeCareTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Patient = Guid.NewGuid(), Provider = Guid.NewGuid(), Gp = Guid.NewGuid(), Coordinator = Guid.NewGuid();

    private static HadPrescription ByGp(int? days = 14) => new(HadPrescriber.GeneralPractitioner, null, HadAgreement.Patient, Today, days);

    private static HadStay Requested(HadPrescription? p = null) => HadStay.Request(Patient, Provider, true, p ?? ByGp(), "Soins palliatifs à domicile", Today, Gp, Now);

    private static string FieldOf(Action act) => Assert.Throws<DomainValidationException>(act).Field;

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void AStay_OfOneToTwentyDays_IsPrescribed(int days)
    {
        var stay = Requested(ByGp(days));
        stay.Admit(Today, "Domicile adapté, aidant présent", Today, Coordinator);
        Assert.Equal(Today.AddDays(days - 1), stay.StayUntil);
        Assert.Equal(Today.AddDays(days - 1 - PalliativeRules.RenewalReminderDays), stay.RemindOn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    [InlineData(null)]
    public void AStay_OutsideOneToTwentyDays_IsRefused(int? days) => Assert.Equal("days", FieldOf(() => Requested(ByGp(days))));

    [Fact]
    public void TheHospitalPhysician_PrescribesOnlyWithTheGpsAgreement()
    {
        Assert.Equal("gpAgreementOn", FieldOf(() => Requested(new HadPrescription(HadPrescriber.HospitalPhysician, null, HadAgreement.Family, Today, 10))));
        var stay = Requested(new HadPrescription(HadPrescriber.HospitalPhysician, Today.AddDays(-1), HadAgreement.Family, Today, 10));
        Assert.Equal(Today.AddDays(-1), stay.GpAgreementOn);
        // The GP's own prescription needs no agreement of his.
        Assert.Null(Requested(new HadPrescription(HadPrescriber.GeneralPractitioner, Today, HadAgreement.Patient, Today, 10)).GpAgreementOn);
    }

    [Fact]
    public void ThePatientsOrFamilysAgreement_IsRequired_AndNotInTheFuture()
    {
        Assert.Equal("agreement", FieldOf(() => Requested(new HadPrescription(HadPrescriber.GeneralPractitioner, null, null, Today, 10))));
        Assert.Equal("agreementOn", FieldOf(() => Requested(new HadPrescription(HadPrescriber.GeneralPractitioner, null, HadAgreement.Patient, null, 10))));
        Assert.Equal("agreementOn", FieldOf(() => Requested(new HadPrescription(HadPrescriber.GeneralPractitioner, null, HadAgreement.Patient, Today.AddDays(1), 10))));
        Assert.Equal("prescriber", FieldOf(() => Requested(new HadPrescription(null, null, HadAgreement.Patient, Today, 10))));
    }

    [Fact]
    public void OnlyAnHad_OfTheDirectory_IsRequested_WithItsProject()
    {
        Assert.Equal("providerId", FieldOf(() => HadStay.Request(Patient, Provider, false, ByGp(), "Projet", Today, Gp, Now)));
        Assert.Equal("project", FieldOf(() => HadStay.Request(Patient, Provider, true, ByGp(), " ", Today, Gp, Now)));
    }

    [Fact]
    public void TheCoordinator_AdmitsOrDeclinesOnce_WithTheAssessment()
    {
        var stay = Requested();
        Assert.Equal("assessment", FieldOf(() => stay.Admit(Today, "", Today, Coordinator)));
        Assert.Equal("from", FieldOf(() => stay.Admit(Today.AddDays(-1), "Évaluation", Today, Coordinator)));
        stay.Admit(Today.AddDays(1), "Évaluation faite au domicile", Today, Coordinator);
        Assert.Equal(HadStatus.Admitted, stay.Status);
        Assert.Equal("status", FieldOf(() => stay.Decline("Trop tard", Today, Coordinator)));
        var declined = Requested();
        declined.Decline("Domicile inadapté", Today, Coordinator);
        Assert.Equal(HadStatus.Declined, declined.Status);
        Assert.Null(declined.RemindOn);
    }

    [Fact]
    public void ARenewal_ExtendsTheStay_FromItsEnd_AndSetsTheReminderAgain()
    {
        var stay = Requested(ByGp(20));
        stay.Admit(Today, "Évaluation", Today, Coordinator);
        stay.Reminded(Now);
        var end = stay.StayUntil!.Value;
        Assert.Equal("days", FieldOf(() => stay.Renew(ByGp(21), end)));
        Assert.Equal("agreement", FieldOf(() => stay.Renew(new HadPrescription(HadPrescriber.GeneralPractitioner, null, null, end, 10), end)));
        stay.Renew(new HadPrescription(HadPrescriber.GeneralPractitioner, null, HadAgreement.Family, end, 10), end);
        Assert.Equal(end.AddDays(10), stay.StayUntil);
        Assert.Equal(1, stay.Renewals);
        Assert.Null(stay.RemindedAt);
        Assert.Equal(end.AddDays(10 - PalliativeRules.RenewalReminderDays), stay.RemindOn);
        // A stay ended two days ago is not renewed: a new request is.
        Assert.Equal("status", FieldOf(() => stay.Renew(ByGp(5), stay.StayUntil!.Value.AddDays(2))));
    }

    [Fact]
    public void AnEnd_LiesBetweenTheStartAndToday()
    {
        var stay = Requested();
        stay.Admit(Today, "Évaluation", Today, Coordinator);
        Assert.Equal("endedOn", FieldOf(() => stay.End(Today.AddDays(1), Today)));
        stay.End(Today, Today);
        Assert.Equal(HadStatus.Ended, stay.Status);
        Assert.Null(stay.RemindOn);
        Assert.False(stay.RunsOn(Today));
    }

    [Fact]
    public void LimitsOfTreatment_AreDated_AndAnEmptyPlanIsRefused()
    {
        Assert.Equal("discussedOn", FieldOf(() => UrgentCarePlan.Write(Patient, new UrgentCareFields(null, TreatmentLimit.NoResuscitation, null, null, null), Today, Gp, Now)));
        Assert.Equal("discussedOn", FieldOf(() => UrgentCarePlan.Write(Patient, new UrgentCareFields(null, TreatmentLimit.NoResuscitation, null, Today.AddDays(1), null), Today, Gp, Now)));
        Assert.Equal("anticipatedPrescriptions", FieldOf(() => UrgentCarePlan.Write(Patient, new UrgentCareFields(" ", TreatmentLimit.NotDiscussed, null, null, null), Today, Gp, Now)));
        var plan = UrgentCarePlan.Write(Patient, new UrgentCareFields("Midazolam 5 mg SC si détresse", TreatmentLimit.ComfortCareOnly, null, Today, null), Today, Gp, Now);
        plan.Revise(new UrgentCareFields("Midazolam 2,5 mg SC", TreatmentLimit.ComfortCareOnly, "Pas de transfert", Today, null), Today, Gp, Now);
        Assert.Equal((2, "Midazolam 2,5 mg SC"), (plan.Version, plan.AnticipatedPrescriptions));
    }

    [Fact]
    public void ASymptomEntry_NeedsItsInstructions_AndIsRevisedInPlace()
    {
        Assert.Equal("instructions", FieldOf(() => SymptomPlanEntry.Write(Patient, Symptom.Pain, "", Gp, Now)));
        var entry = SymptomPlanEntry.Write(Patient, Symptom.Breathlessness, "Morphine 2,5 mg SC", Gp, Now);
        entry.Revise("Morphine 5 mg SC, oxygène", Gp, Now);
        Assert.Equal(2, entry.Version);
        Assert.Equal("instructions", FieldOf(() => entry.Revise(new string('x', PalliativeRules.MaxText + 1), Gp, Now)));
    }

    [Fact]
    public void ACaregiver_HasAName_ALink_AndAWayToBeReached()
    {
        Assert.Equal("name", FieldOf(() => CaregiverContact.Record(Patient, "", "fille", "06 00 00 00 00", null, false, null, Gp, Now)));
        Assert.Equal("relationship", FieldOf(() => CaregiverContact.Record(Patient, "Anne", " ", "06 00 00 00 00", null, false, null, Gp, Now)));
        Assert.Equal("phone", FieldOf(() => CaregiverContact.Record(Patient, "Anne", "fille", null, null, false, null, Gp, Now)));
        Assert.Equal("email", FieldOf(() => CaregiverContact.Record(Patient, "Anne", "fille", null, "anne", false, null, Gp, Now)));
        var c = CaregiverContact.Record(Patient, "Anne", "fille", null, "anne@example.org", true, null, Gp, Now);
        Assert.True(c.IsTrustedPerson);
        c.Remove(Now);
        Assert.Equal("caregiver", FieldOf(() => c.Remove(Now)));
    }

    [Fact]
    public void TheLeaveRights_AreCurrent_AndSourced()
    {
        var carer = Assert.Single(CaregiverLeaveRights.All, r => r.Code == "conge-proche-aidant");
        // [G] (2016) said unpaid: since October 2020 the AJPA pays it.
        Assert.Contains("AJPA", carer.Allowance, StringComparison.Ordinal);
        Assert.Contains("1er octobre 2020", carer.Allowance, StringComparison.Ordinal);
        Assert.Contains("particulière gravité", carer.Purpose, StringComparison.Ordinal);
        var solidarity = Assert.Single(CaregiverLeaveRights.All, r => r.Code == "conge-solidarite-familiale");
        Assert.Contains("renouvelable une fois", solidarity.Duration, StringComparison.Ordinal);
        Assert.Contains("21 jours", solidarity.Allowance, StringComparison.Ordinal);
        Assert.All(CaregiverLeaveRights.All, r => Assert.StartsWith("[G] §2.6", r.Source, StringComparison.Ordinal));
        Assert.All(CaregiverLeaveRights.All, r => Assert.StartsWith("https://www.service-public.fr/", r.SourceUrl, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(UserRoles.GeneralPractitioner, Capability.PrescribeHad, true)]
    [InlineData(UserRoles.HospitalClinician, Capability.PrescribeHad, true)]
    [InlineData(UserRoles.NurseCoordinator, Capability.PrescribeHad, false)]
    [InlineData(UserRoles.SupportiveCare, Capability.DecideHadAdmission, true)]
    [InlineData(UserRoles.GeneralPractitioner, Capability.DecideHadAdmission, false)]
    [InlineData(UserRoles.SupportiveCare, Capability.WritePalliativePlan, true)]
    [InlineData(UserRoles.Pharmacist, Capability.ReadPalliative, false)]
    [InlineData(UserRoles.Caregiver, Capability.ReadPalliative, false)]
    [InlineData(UserRoles.Patient, Capability.ReadPalliative, true)]
    [InlineData(UserRoles.Patient, Capability.WritePalliativePlan, false)]
    public void TheTable_SaysWhoWritesAndReads(string role, Capability capability, bool allowed) =>
        Assert.Equal(allowed, Capabilities.Allows([role], Specialty.None, capability));

    [Fact]
    public void AGrant_OfThePalliativePart_OpensItsReadAndTheDecision_NotThePrescription()
    {
        var decision = new AccessDecision(true, AccessBasis.Grant, "grant", RecordSections.Identity | RecordSections.Palliative);
        Assert.True(AccessRule.Opens(decision, Capability.ReadPalliative));
        Assert.True(AccessRule.Opens(decision, Capability.DecideHadAdmission));
        Assert.False(AccessRule.Opens(decision, Capability.PrescribeHad));
        Assert.False(AccessRule.Opens(decision, Capability.ReadLabs));
        // Whoever is called out of hours reads through break-the-glass.
        Assert.True(AccessRule.Opens(new AccessDecision(true, AccessBasis.BreakGlass, "break-glass"), Capability.ReadPalliative));
        Assert.False(AccessRule.Opens(new AccessDecision(true, AccessBasis.BreakGlass, "break-glass"), Capability.WritePalliativePlan));
    }
}
