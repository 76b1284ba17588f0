using Relais.Domain.Access;
using Relais.Domain.Documents;
using Relais.Domain.Professionals;

namespace Relais.Domain.Tests.Access;

public class CapabilitiesTests
{
    [Theory]
    // The pathology report is the pathologist's [G] 1.2.
    [InlineData(UserRoles.HospitalClinician, Specialty.Pathology, Capability.SignPathologyReport, true)]
    [InlineData(UserRoles.HospitalClinician, Specialty.MedicalOncology, Capability.SignPathologyReport, false)]
    [InlineData(UserRoles.Pharmacist, Specialty.Pharmacy, Capability.SignPathologyReport, false)]
    [InlineData(UserRoles.GeneralPractitioner, Specialty.GeneralPractice, Capability.SignPathologyReport, false)]
    // The tumor-board decision: a physician of a deciding specialty, never the GP, the pharmacist, the secretary.
    [InlineData(UserRoles.HospitalClinician, Specialty.Surgery, Capability.RecordTumorBoardDecision, true)]
    [InlineData(UserRoles.HospitalClinician, Specialty.Nursing, Capability.RecordTumorBoardDecision, false)]
    [InlineData(UserRoles.GeneralPractitioner, Specialty.GeneralPractice, Capability.RecordTumorBoardDecision, false)]
    [InlineData(UserRoles.Pharmacist, Specialty.Pharmacy, Capability.RecordTumorBoardDecision, false)]
    [InlineData(UserRoles.TumorBoardSecretary, Specialty.Administration, Capability.RecordTumorBoardDecision, false)]
    // The PPS and the PPAC: a hospital physician of the team.
    [InlineData(UserRoles.HospitalClinician, Specialty.MedicalOncology, Capability.SignProgramme, true)]
    [InlineData(UserRoles.NurseCoordinator, Specialty.Nursing, Capability.SignProgramme, false)]
    [InlineData(UserRoles.GeneralPractitioner, Specialty.GeneralPractice, Capability.SignProgramme, false)]
    [InlineData(UserRoles.Pharmacist, Specialty.Pharmacy, Capability.SignProgramme, false)]
    // The pharmacist reads identity, treatment (C8), events and labs, writes messages and observations...
    [InlineData(UserRoles.Pharmacist, Specialty.Pharmacy, Capability.ReadRecord, true)]
    [InlineData(UserRoles.Pharmacist, Specialty.Pharmacy, Capability.ReadTreatment, true)]
    [InlineData(UserRoles.Pharmacist, Specialty.Pharmacy, Capability.ReadEvents, true)]
    [InlineData(UserRoles.Pharmacist, Specialty.Pharmacy, Capability.ReadLabs, true)]
    [InlineData(UserRoles.Pharmacist, Specialty.Pharmacy, Capability.WriteMessage, true)]
    [InlineData(UserRoles.Pharmacist, Specialty.Pharmacy, Capability.WritePharmaceuticalObservation, true)]
    // ... not the pathology report, the deliberations, the psychological notes; and never widens the team.
    [InlineData(UserRoles.Pharmacist, Specialty.Pharmacy, Capability.ReadPathology, false)]
    [InlineData(UserRoles.Pharmacist, Specialty.Pharmacy, Capability.ReadTumorBoardDeliberation, false)]
    [InlineData(UserRoles.Pharmacist, Specialty.Pharmacy, Capability.ReadPsychologicalNotes, false)]
    [InlineData(UserRoles.Pharmacist, Specialty.Pharmacy, Capability.ManageCareTeam, false)]
    [InlineData(UserRoles.Pharmacist, Specialty.Pharmacy, Capability.RecordPathway, false)]
    // The secretary organises without clinical writes.
    [InlineData(UserRoles.TumorBoardSecretary, Specialty.Administration, Capability.OrganiseTumorBoard, true)]
    [InlineData(UserRoles.TumorBoardSecretary, Specialty.Administration, Capability.RecordPathway, false)]
    [InlineData(UserRoles.TumorBoardSecretary, Specialty.Administration, Capability.WriteDocument, false)]
    // Administrators and the 3C see no clinical content.
    [InlineData(UserRoles.Administrator, Specialty.None, Capability.ReadRecord, false)]
    [InlineData(UserRoles.Administrator, Specialty.None, Capability.ReadCapabilities, true)]
    [InlineData(UserRoles.QualityCoordinator, Specialty.None, Capability.ReadRecord, false)]
    [InlineData(UserRoles.Patient, Specialty.None, Capability.ReadRecord, true)]
    [InlineData(UserRoles.Patient, Specialty.None, Capability.RecordPathway, false)]
    [InlineData(UserRoles.TrustedPerson, Specialty.None, Capability.ReadRecord, false)]
    // A caregiver reads at most what a patient may delegate (the delegation's sections decide, AccessRule.Opens);
    // the patient alone delegates; a care-team member opens the patient's portal account.
    [InlineData(UserRoles.Caregiver, Specialty.None, Capability.ReadCarnet, true)]
    [InlineData(UserRoles.Caregiver, Specialty.None, Capability.ReadDocuments, true)]
    [InlineData(UserRoles.Caregiver, Specialty.None, Capability.WriteMessage, true)]
    [InlineData(UserRoles.Caregiver, Specialty.None, Capability.ReadRecord, false)]
    [InlineData(UserRoles.Caregiver, Specialty.None, Capability.ReadPathology, false)]
    [InlineData(UserRoles.Caregiver, Specialty.None, Capability.DelegatePortalAccess, false)]
    [InlineData(UserRoles.Patient, Specialty.None, Capability.DelegatePortalAccess, true)]
    [InlineData(UserRoles.Patient, Specialty.None, Capability.ReadCarnet, true)]
    [InlineData(UserRoles.NurseCoordinator, Specialty.Nursing, Capability.OpenPortalAccount, true)]
    [InlineData(UserRoles.GeneralPractitioner, Specialty.GeneralPractice, Capability.OpenPortalAccount, true)]
    [InlineData(UserRoles.Pharmacist, Specialty.Pharmacy, Capability.OpenPortalAccount, false)]
    [InlineData(UserRoles.Patient, Specialty.None, Capability.OpenPortalAccount, false)]
    public void TheTable_GivesEachRoleItsCapabilities(string role, Specialty specialty, Capability capability, bool allowed) =>
        Assert.Equal(allowed, Capabilities.Allows([role], specialty, capability));

    [Fact]
    public void EveryLine_CitesItsSource() =>
        Assert.All(Capabilities.Table, line => Assert.False(string.IsNullOrWhiteSpace(line.Source)));

    [Fact]
    public void EveryCapability_IsHeldBySomeRole() =>
        Assert.All(Enum.GetValues<Capability>(), c => Assert.Contains(Capabilities.Table, l => l.Capability == c));

    [Fact]
    public void NoLine_IsDefinedTwice() =>
        Assert.Equal(Capabilities.Table.Count, Capabilities.Table.Select(l => (l.Role, l.Capability)).Distinct().Count());

    [Theory]
    [InlineData(Capability.SignPathologyReport, "sign-pathology-report")]
    [InlineData(Capability.RecordTumorBoardDecision, "record-tumor-board-decision")]
    [InlineData(Capability.ReadTumorBoardDeliberation, "read-tumor-board-deliberation")]
    [InlineData(Capability.WritePharmaceuticalObservation, "write-pharmaceutical-observation")]
    public void Codes_AreKebabCase(Capability capability, string code) => Assert.Equal(code, Capabilities.Code(capability));

    [Fact]
    public void Of_ListsTheCapabilitiesOfTheRoleAndSpecialty()
    {
        var pathologist = Capabilities.Of([UserRoles.HospitalClinician], Specialty.Pathology);
        var oncologist = Capabilities.Of([UserRoles.HospitalClinician], Specialty.MedicalOncology);

        Assert.Contains(Capability.SignPathologyReport, pathologist);
        Assert.DoesNotContain(Capability.SignPathologyReport, oncologist);
        Assert.Contains(Capability.SignProgramme, oncologist);
        Assert.Empty(Capabilities.Of([UserRoles.TrustedPerson], Specialty.None));
    }

    [Theory]
    [InlineData(DocumentKind.PathologyReport, Capability.ReadPathology, Capability.SignPathologyReport)]
    [InlineData(DocumentKind.TumorBoardReport, Capability.ReadTumorBoardDeliberation, Capability.RecordTumorBoardDecision)]
    [InlineData(DocumentKind.Pps, Capability.ReadDocuments, Capability.SignProgramme)]
    [InlineData(DocumentKind.Ppac, Capability.ReadDocuments, Capability.SignProgramme)]
    [InlineData(DocumentKind.ExamResult, Capability.ReadDocuments, Capability.SignDocument)]
    public void DocumentKinds_AskTheirOwnCapabilities(DocumentKind kind, Capability toRead, Capability toSign)
    {
        Assert.Equal(toRead, Capabilities.ToRead(kind));
        Assert.Equal(toSign, Capabilities.ToSign(kind));
    }
}
