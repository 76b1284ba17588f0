using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Coordination;
using Relais.Domain.Patients;

namespace Relais.Web.Data.Configurations;

public sealed class ReferralTaskConfiguration : IEntityTypeConfiguration<ReferralTask>
{
    public void Configure(EntityTypeBuilder<ReferralTask> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.Status, r.DueOn });
        builder.HasIndex(r => r.PatientId);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
