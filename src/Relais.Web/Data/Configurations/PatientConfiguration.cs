using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Access;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Web.Identity;

namespace Relais.Web.Data.Configurations;

public sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Ins).HasMaxLength(15).IsRequired();
        b.HasIndex(p => p.Ins).IsUnique();
        b.Property(p => p.BirthName).HasMaxLength(100);
        b.Property(p => p.UsedName).HasMaxLength(100);
        b.Property(p => p.FirstNames).HasMaxLength(150);
        b.Property(p => p.SearchKey).HasMaxLength(360);
        b.Property(p => p.Phone).HasMaxLength(30);
        b.Property(p => p.Email).HasMaxLength(254);
        b.HasIndex(p => p.BirthDate);
        b.HasIndex(p => p.GeneralPractitionerId);
        b.OwnsOne(p => p.Address, a =>
        {
            a.Property(x => x.Line1).HasColumnName("AddressLine1").HasMaxLength(200);
            a.Property(x => x.Line2).HasColumnName("AddressLine2").HasMaxLength(200);
            a.Property(x => x.PostalCode).HasColumnName("PostalCode").HasMaxLength(5);
            a.Property(x => x.City).HasColumnName("City").HasMaxLength(100);
        });
        b.Navigation(p => p.Address).IsRequired();
        b.OwnsOne(p => p.TrustedPerson, t =>
        {
            t.Property(x => x.FullName).HasColumnName("TrustedPersonName").HasMaxLength(200);
            t.Property(x => x.Relationship).HasColumnName("TrustedPersonRelationship").HasMaxLength(100);
            t.Property(x => x.Phone).HasColumnName("TrustedPersonPhone").HasMaxLength(30);
            t.Property(x => x.DesignatedInWritingOn).HasColumnName("TrustedPersonDesignatedOn");
            t.Property(x => x.RevokedOn).HasColumnName("TrustedPersonRevokedOn");
        });
        b.OwnsOne(p => p.AdvanceDirectives, a =>
        {
            a.Property(x => x.Exist).HasColumnName("AdvanceDirectivesExist");
            a.Property(x => x.WrittenOn).HasColumnName("AdvanceDirectivesWrittenOn");
            a.Property(x => x.WhereKept).HasColumnName("AdvanceDirectivesWhereKept").HasMaxLength(300);
        });
        b.Navigation(p => p.AdvanceDirectives).IsRequired();
        b.HasOne<RelaisUser>().WithMany().HasForeignKey(p => p.GeneralPractitionerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CareTeamMemberConfiguration : IEntityTypeConfiguration<CareTeamMember>
{
    public void Configure(EntityTypeBuilder<CareTeamMember> b)
    {
        b.HasKey(m => m.Id);
        // The access rule asks "is this professional in this patient's team today": one index seek.
        // The access rule as a query: a professional's patients today, read from the index alone.
        b.HasIndex(m => new { m.ProfessionalId, m.PatientId, m.From, m.To }).HasDatabaseName("IX_CareTeamMembers_Professional_Periods");
        b.HasIndex(m => m.PatientId);
        b.HasOne<Patient>().WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RelaisUser>().WithMany().HasForeignKey(m => m.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AccessObjectionConfiguration : IEntityTypeConfiguration<AccessObjection>
{
    public void Configure(EntityTypeBuilder<AccessObjection> b)
    {
        b.HasKey(o => o.Id);
        b.HasIndex(o => new { o.PatientId, o.ProfessionalId });
        b.HasIndex(o => new { o.ProfessionalId, o.PatientId });
        b.HasOne<Patient>().WithMany().HasForeignKey(o => o.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RelaisUser>().WithMany().HasForeignKey(o => o.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BreakGlassGrantConfiguration : IEntityTypeConfiguration<BreakGlassGrant>
{
    public void Configure(EntityTypeBuilder<BreakGlassGrant> b)
    {
        b.HasKey(g => g.Id);
        b.Property(g => g.Reason).HasMaxLength(1000);
        b.Property(g => g.ReviewNote).HasMaxLength(1000);
        b.HasIndex(g => new { g.ProfessionalId, g.PatientId });
        b.HasIndex(g => g.PatientId);
        b.HasIndex(g => g.ReviewedAt);
        b.Ignore(g => g.Window);
        b.HasOne<Patient>().WithMany().HasForeignKey(g => g.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RelaisUser>().WithMany().HasForeignKey(g => g.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.HasKey(o => o.Id);
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Finess).HasMaxLength(9);
        b.Property(o => o.City).HasMaxLength(100);
        b.Property(o => o.PostalCode).HasMaxLength(5);
    }
}

public sealed class RelaisUserConfiguration : IEntityTypeConfiguration<RelaisUser>
{
    public void Configure(EntityTypeBuilder<RelaisUser> b)
    {
        b.Property(u => u.FirstName).HasMaxLength(100);
        b.Property(u => u.LastName).HasMaxLength(100);
        b.Property(u => u.Rpps).HasMaxLength(11);
        b.HasIndex(u => u.Rpps).IsUnique();
        b.HasIndex(u => u.PatientId);
        b.Ignore(u => u.DisplayName);
        b.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
