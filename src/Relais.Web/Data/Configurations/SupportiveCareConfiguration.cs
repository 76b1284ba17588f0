using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Patients;
using Relais.Domain.SupportiveCare;
using Relais.Web.Identity;

namespace Relais.Web.Data.Configurations;

public sealed class LivingAreaConfiguration : IEntityTypeConfiguration<LivingArea>
{
    public void Configure(EntityTypeBuilder<LivingArea> builder)
    {
        builder.ToTable("LivingAreas");
        builder.HasKey(a => a.Code);
        builder.Property(a => a.Code).HasMaxLength(40);
        builder.Property(a => a.Name).HasMaxLength(120);
    }
}

public sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> builder)
    {
        builder.ToTable("Communes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Postcode).HasMaxLength(5);
        builder.Property(c => c.Name).HasMaxLength(120);
        builder.Property(c => c.AreaCode).HasMaxLength(40);
        builder.HasIndex(c => new { c.Postcode, c.Name }).IsUnique();
        builder.HasOne<LivingArea>().WithMany().HasForeignKey(c => c.AreaCode).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SupportiveCareProviderConfiguration : IEntityTypeConfiguration<SupportiveCareProvider>
{
    public void Configure(EntityTypeBuilder<SupportiveCareProvider> builder)
    {
        builder.ToTable("SupportiveCareProviders");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.ServiceCodes).HasMaxLength(400);
        builder.Property(p => p.Address).HasMaxLength(300);
        builder.Property(p => p.Postcode).HasMaxLength(5);
        builder.Property(p => p.Commune).HasMaxLength(120);
        builder.Property(p => p.AreaCode).HasMaxLength(40);
        builder.Property(p => p.Phone).HasMaxLength(30);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Ignore(p => p.Services);
        builder.HasIndex(p => new { p.Active, p.Name });
    }
}

public sealed class ProviderMemberConfiguration : IEntityTypeConfiguration<ProviderMember>
{
    public void Configure(EntityTypeBuilder<ProviderMember> builder)
    {
        builder.ToTable("SupportiveCareProviderMembers");
        builder.HasKey(m => new { m.ProviderId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.HasOne<SupportiveCareProvider>().WithMany().HasForeignKey(m => m.ProviderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RelaisUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SupportiveNeedConfiguration : IEntityTypeConfiguration<SupportiveNeed>
{
    public void Configure(EntityTypeBuilder<SupportiveNeed> builder)
    {
        builder.ToTable("SupportiveNeeds");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Note).HasMaxLength(2000);
        // The outreach worklist walks the needs by age; the record lists a patient's.
        builder.HasIndex(n => new { n.PatientId, n.AssessedOn });
        builder.HasIndex(n => n.AssessedOn);
        builder.HasOne<Patient>().WithMany().HasForeignKey(n => n.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SupportiveReferralConfiguration : IEntityTypeConfiguration<SupportiveReferral>
{
    public void Configure(EntityTypeBuilder<SupportiveReferral> builder)
    {
        builder.ToTable("SupportiveReferrals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.Property(r => r.StatusNote).HasMaxLength(1000);
        builder.Property(r => r.SharedSections).HasConversion<int>();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.PatientId, r.ProposedAt });
        builder.HasIndex(r => new { r.ProviderId, r.Status });
        // The outreach worklist: open referrals by status and age.
        builder.HasIndex(r => new { r.Status, r.ProposedAt });
        builder.HasMany(r => r.Entries).WithOne().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Entries).HasField("entries").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupportiveCareProvider>().WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReferralEntryConfiguration : IEntityTypeConfiguration<ReferralEntry>
{
    public void Configure(EntityTypeBuilder<ReferralEntry> builder)
    {
        builder.ToTable("SupportiveReferralEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Text).HasMaxLength(4000);
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PostCancerPrescriptionConfiguration : IEntityTypeConfiguration<PostCancerPrescription>
{
    public void Configure(EntityTypeBuilder<PostCancerPrescription> builder)
    {
        builder.ToTable("PostCancerPrescriptions");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.PatientId, p.PrescribedOn });
        builder.HasIndex(p => new { p.ProviderId, p.PrescribedAt });
        builder.HasMany(p => p.Acts).WithOne().HasForeignKey(a => a.PrescriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Acts).HasField("acts").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.Delivered);
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupportiveCareProvider>().WithMany().HasForeignKey(p => p.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupportiveReferral>().WithMany().HasForeignKey(p => p.ReferralId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PostCancerActConfiguration : IEntityTypeConfiguration<PostCancerAct>
{
    public void Configure(EntityTypeBuilder<PostCancerAct> builder)
    {
        builder.ToTable("PostCancerActs");
        builder.HasKey(a => a.Id);
        builder.Ignore(a => a.Act);
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
