using Relais.Domain.Continuity;

namespace Relais.Domain.Tests.Continuity;

public class AppointmentTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Patient = Guid.Parse("0197c000-0000-7000-8000-000000000021");
    private static readonly Guid Hospital = Guid.Parse("0197c000-0000-7000-8000-000000000022");
    private static readonly Guid Oncologist = Guid.Parse("0197c000-0000-7000-8000-000000000023");
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static AppointmentSlot OnSite(int days = 7) => new(Now.AddDays(days), Hospital, "Hôpital de jour", "Dr Martin", false, null, null);

    [Fact]
    public void ACycle_DeferredThenRescheduledAsAVideoTeleconsultation_IsPlannedAgain()
    {
        var cycle = Appointment.Plan(Patient, null, null, null, AppointmentKind.ChemotherapyCycle, OnSite(), Oncologist, Now);

        cycle.Defer();
        Assert.Equal(AppointmentStatus.Deferred, cycle.Status);
        cycle.Reschedule(new AppointmentSlot(Now.AddDays(14), null, null, null, true, "https://visio.example/abc", TeleconsultationMeans.Video), Now);

        Assert.Equal(AppointmentStatus.Planned, cycle.Status);
        Assert.Equal(1, cycle.Reschedules);
        Assert.True(cycle.Teleconsultation);
        Assert.Equal("Cure de chimiothérapie le 15/03/2027 à 11:00, en téléconsultation (vidéo)", cycle.Describe(null, Paris));
    }

    [Theory]
    [InlineData(false, null, null, null, "place")]
    [InlineData(true, null, null, null, "patientMeans")]
    [InlineData(true, null, null, TeleconsultationMeans.Video, "teleconsultationLink")]
    [InlineData(true, null, "http://visio.example/abc", TeleconsultationMeans.Video, "teleconsultationLink")]
    public void Plan_Refuses_NamingTheField(bool tele, string? place, string? link, TeleconsultationMeans? means, string field)
    {
        var slot = new AppointmentSlot(Now.AddDays(7), null, place, null, tele, link, means);

        Assert.Equal(field, Assert.Throws<DomainValidationException>(() => Appointment.Plan(Patient, null, null, null, AppointmentKind.Consultation, slot, Oncologist, Now)).Field);
    }

    [Fact]
    public void APhoneTeleconsultation_NeedsNoLink()
    {
        var visit = Appointment.Plan(Patient, null, null, null, AppointmentKind.Consultation,
            new AppointmentSlot(Now.AddDays(2), null, null, "Dr Martin", true, null, TeleconsultationMeans.Phone), Oncologist, Now);

        Assert.Equal(TeleconsultationMeans.Phone, visit.PatientMeans);
    }

    [Fact]
    public void Plan_MoreThanFiveYearsAhead_IsRefused() =>
        Assert.Equal("at", Assert.Throws<DomainValidationException>(() =>
            Appointment.Plan(Patient, null, null, null, AppointmentKind.Imaging, OnSite(days: 365 * 6), Oncologist, Now)).Field);
}
