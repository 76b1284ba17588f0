using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Data.Configurations;

public sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Ins).HasMaxLength(15).IsRequired();
        // One record per INS, except a record flagged as a suspected duplicate, which waits for the
        // identity-vigilance referent (registering it must not tell its author that the INS exists).
        builder.HasIndex(p => p.Ins).IsUnique().HasFilter("\"SuspectedDuplicateSince\" IS NULL");
        builder.Property(p => p.InsOid).HasMaxLength(64);
        builder.Property(p => p.IdentityMismatchReason).HasMaxLength(500);
        // Records made before the RNIV statuses are provisional: nothing says how their identity was checked.
        builder.Property(p => p.IdentityStatus).HasDefaultValue(Relais.Domain.Patients.IdentityStatus.Provisional).HasSentinel(Relais.Domain.Patients.IdentityStatus.Provisional);
        builder.HasIndex(p => p.IdentityStatus);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.BirthName).HasMaxLength(100);
        builder.Property(p => p.UsedName).HasMaxLength(100);
        builder.Property(p => p.FirstNames).HasMaxLength(150);
        builder.Property(p => p.SearchKey).HasMaxLength(360);
        builder.Property(p => p.Phone).HasMaxLength(30);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.HasIndex(p => p.BirthDate);
        builder.HasIndex(p => p.GeneralPractitionerId);
        builder.OwnsOne(p => p.Address, a =>
        {
            a.Property(x => x.Line1).HasColumnName("AddressLine1").HasMaxLength(200);
            a.Property(x => x.Line2).HasColumnName("AddressLine2").HasMaxLength(200);
            a.Property(x => x.PostalCode).HasColumnName("PostalCode").HasMaxLength(5);
            a.Property(x => x.City).HasColumnName("City").HasMaxLength(100);
        });
        builder.Navigation(p => p.Address).IsRequired();
        builder.OwnsOne(p => p.TrustedPerson, t =>
        {
            t.Property(x => x.FullName).HasColumnName("TrustedPersonName").HasMaxLength(200);
            t.Property(x => x.Relationship).HasColumnName("TrustedPersonRelationship").HasMaxLength(100);
            t.Property(x => x.Phone).HasColumnName("TrustedPersonPhone").HasMaxLength(30);
            t.Property(x => x.DesignatedInWritingOn).HasColumnName("TrustedPersonDesignatedOn");
            t.Property(x => x.RevokedOn).HasColumnName("TrustedPersonRevokedOn");
        });
        builder.OwnsOne(p => p.AdvanceDirectives, a =>
        {
            a.Property(x => x.Exist).HasColumnName("AdvanceDirectivesExist");
            a.Property(x => x.WrittenOn).HasColumnName("AdvanceDirectivesWrittenOn");
            a.Property(x => x.WhereKept).HasColumnName("AdvanceDirectivesWhereKept").HasMaxLength(300);
        });
        builder.Navigation(p => p.AdvanceDirectives).IsRequired();
        builder.HasOne<RelaisUser>().WithMany().HasForeignKey(p => p.GeneralPractitionerId).OnDelete(DeleteBehavior.Restrict);
    }
}
