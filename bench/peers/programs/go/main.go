// The peer benchmark's program with Pulumi's Go SDK: bench:count Things in Groups of ten. Each Thing but a
// group's first takes its `previous` input from an ApplyT over the `label` output of the Thing before it in
// its group, and has a secret `password`.
package main

import (
	"fmt"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

type Thing struct {
	pulumi.CustomResourceState

	Label pulumi.StringOutput `pulumi:"label"`
}

type thingArgs struct {
	Label    string   `pulumi:"label"`
	Size     int      `pulumi:"size"`
	Tags     []string `pulumi:"tags"`
	Previous string   `pulumi:"previous"`
	Password string   `pulumi:"password"`
}

type ThingArgs struct {
	Label    pulumi.StringInput
	Size     pulumi.IntInput
	Tags     pulumi.StringArrayInput
	Previous pulumi.StringInput
	Password pulumi.StringInput
}

func (ThingArgs) ElementType() reflect.Type { return reflect.TypeOf((*thingArgs)(nil)).Elem() }

func NewThing(ctx *pulumi.Context, name string, args *ThingArgs, opts ...pulumi.ResourceOption) (*Thing, error) {
	var thing Thing
	if err := ctx.RegisterResource("bench:index:Thing", name, args, &thing, opts...); err != nil {
		return nil, err
	}
	return &thing, nil
}

type Group struct {
	pulumi.ResourceState
}

func NewGroup(ctx *pulumi.Context, name string, opts ...pulumi.ResourceOption) (*Group, error) {
	var group Group
	if err := ctx.RegisterComponentResource("bench:index:Group", name, &group, opts...); err != nil {
		return nil, err
	}
	return &group, nil
}

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		count := config.RequireInt(ctx, "count")
		var previous *Thing
		var group *Group
		for i := 0; i < count; i++ {
			if i%10 == 0 {
				var err error
				if group, err = NewGroup(ctx, fmt.Sprintf("group-%d", i/10)); err != nil {
					return err
				}
				previous = nil
			}
			fromPrevious := pulumi.String("none").ToStringOutput()
			if previous != nil {
				fromPrevious = previous.Label.ApplyT(func(l string) string { return l + "/next" }).(pulumi.StringOutput)
			}
			thing, err := NewThing(ctx, fmt.Sprintf("thing-%d", i), &ThingArgs{
				Label:    pulumi.String(fmt.Sprintf("thing-%d", i)),
				Size:     pulumi.Int(i),
				Tags:     pulumi.StringArray{pulumi.String("bench"), pulumi.String(fmt.Sprintf("group-%d", i/10))},
				Previous: fromPrevious,
				Password: pulumi.ToSecret(pulumi.String(fmt.Sprintf("s3cret-%d", i))).(pulumi.StringOutput),
			}, pulumi.Parent(group))
			if err != nil {
				return err
			}
			previous = thing
		}
		ctx.Export("count", pulumi.Int(count))
		if previous != nil {
			ctx.Export("last", previous.Label)
		}
		return nil
	})
}
