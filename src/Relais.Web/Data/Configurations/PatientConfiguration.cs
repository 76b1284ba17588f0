using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
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
