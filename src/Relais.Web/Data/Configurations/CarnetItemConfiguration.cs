using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Surveillance;

namespace Relais.Web.Data.Configurations;

public sealed class CarnetItemConfiguration : IEntityTypeConfiguration<CarnetItem>
{
    public void Configure(EntityTypeBuilder<CarnetItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => new { i.PatientId, i.Due });
        // The GP worklist and the reminder scan: planned items by due date.
        builder.HasIndex(i => new { i.Status, i.Due });
        builder.Property(i => i.Result).HasMaxLength(2000);
        builder.Property(i => i.CancelReason).HasMaxLength(500);
        builder.Property(i => i.ModuleCode).HasMaxLength(60);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(i => i.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
