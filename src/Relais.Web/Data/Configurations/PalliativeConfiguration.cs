using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.PalliativeCare;
using Relais.Domain.Patients;
using Relais.Domain.SupportiveCare;

namespace Relais.Web.Data.Configurations;

public sealed class SymptomPlanEntryConfiguration : IEntityTypeConfiguration<SymptomPlanEntry>
{
    public void Configure(EntityTypeBuilder<SymptomPlanEntry> builder)
    {
        builder.HasKey(e => e.Id);
        // One entry per symptom: two racing first writes cannot make two.
        builder.HasIndex(e => new { e.PatientId, e.Symptom }).IsUnique();
        builder.Property(e => e.Instructions).HasMaxLength(PalliativeRules.MaxText);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class UrgentCarePlanConfiguration : IEntityTypeConfiguration<UrgentCarePlan>
{
    public void Configure(EntityTypeBuilder<UrgentCarePlan> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.PatientId).IsUnique();
        builder.Property(p => p.AnticipatedPrescriptions).HasMaxLength(PalliativeRules.MaxText);
        builder.Property(p => p.LimitsNote).HasMaxLength(PalliativeRules.MaxText);
        builder.Property(p => p.EmergencyNote).HasMaxLength(PalliativeRules.MaxText);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class HadStayConfiguration : IEntityTypeConfiguration<HadStay>
{
    public void Configure(EntityTypeBuilder<HadStay> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.PatientId, s.RequestedOn });
        builder.HasIndex(s => new { s.ProviderId, s.Status });
        // The renewal reminder scan: admitted stays by reminder day.
        builder.HasIndex(s => new { s.Status, s.RemindOn, s.RemindedAt });
        builder.Property(s => s.Project).HasMaxLength(PalliativeRules.MaxText);
        builder.Property(s => s.Assessment).HasMaxLength(PalliativeRules.MaxText);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupportiveCareProvider>().WithMany().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CaregiverContactConfiguration : IEntityTypeConfiguration<CaregiverContact>
{
    public void Configure(EntityTypeBuilder<CaregiverContact> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.PatientId);
        builder.Property(c => c.Name).HasMaxLength(PalliativeRules.MaxShort);
        builder.Property(c => c.Relationship).HasMaxLength(PalliativeRules.MaxShort);
        builder.Property(c => c.Email).HasMaxLength(PalliativeRules.MaxShort);
        builder.Property(c => c.Phone).HasMaxLength(30);
        builder.Property(c => c.Note).HasMaxLength(1000);
        builder.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
