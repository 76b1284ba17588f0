using Relais.Domain.Announcements;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.Builders;

/// <summary>Announcement records of the patient's episode, from just opened to complete, and EPICES answers.</summary>
public static class AnnouncementRecords
{
    /// <summary>Score 100: sees a social worker, financial difficulties, "no" to everything else.</summary>
    public static readonly bool[] Precarious = Answers(1, 5);
    /// <summary>Score 0: the least deprived answers.</summary>
    public static readonly bool[] NotPrecarious = Answers(2, 3, 4, 6, 7, 8, 9, 10, 11);

    public static bool[] Answers(params int[] yes) => Enumerable.Range(1, 11).Select(i => yes.Contains(i)).ToArray();

    public static AnnouncementRecord Open() => AnnouncementRecord.Open(Patient, Episode, Now);

    public static ChecklistItem Item(AnnouncementRecord record, string code, int age = 60, FertilityAgeBounds? bounds = null) =>
        record.Checklist(age, bounds ?? FertilityAgeBounds.Female).Single(i => i.Code == code);

    /// <summary>Every item of the guide done, for a current smoker with a precarious EPICES score (fertility: informed, preservation proposed, contraception advised).</summary>
    public static AnnouncementRecord Complete(TobaccoStatus tobacco = TobaccoStatus.Current, bool fertility = true)
    {
        var record = Open();
        record.GpContacted(Now.AddDays(-3));
        record.RecordGpContext("Vit seule, en arrêt de travail, fille à Lyon.", Now.AddDays(-2));
        record.RecordMedicalTime(Today.AddDays(-1), Oncologist, "Diagnostic, chirurgie proposée, bénéfices et effets indésirables.", Today, Now);
        record.RecordNursingTime(NursingTime.Accepted, Today, Today, Now);
        record.RecordSupportiveCareNeeds("Soutien psychologique, diététique.", Now);
        record.RecordEpices(Precarious, socialWorkerOriented: true, Now);
        record.RecordInformation(fertility, tobacco, cessationOffered: true, trustedPerson: true, advanceDirectives: true, Now);
        if (fertility)
        {
            record.RecordFertilityReferral(FertilityReferral.Proposed, Today, null, Today, Now);
            record.RecordContraceptionAdvice("Contraception mécanique pendant la chimiothérapie et 6 mois après.", Now);
        }
        return record;
    }
}
