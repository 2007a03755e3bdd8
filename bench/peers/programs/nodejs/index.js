// The peer benchmark's program with Pulumi's Node.js SDK: bench:count Things in Groups of ten. Each Thing
// but a group's first takes its `previous` input from an apply over the `label` output of the Thing before
// it in its group, and has a secret `password`.
"use strict";
const pulumi = require("@pulumi/pulumi");

class Thing extends pulumi.CustomResource {
    constructor(name, args, opts) {
        super("bench:index:Thing", name, {
            label: args.label,
            size: args.size,
            tags: args.tags,
            previous: args.previous,
            password: args.password,
        }, opts);
    }
}

class Group extends pulumi.ComponentResource {
    constructor(name, opts) {
        super("bench:index:Group", name, {}, opts);
    }
}

const count = new pulumi.Config().requireNumber("count");
let previous;
let group;
for (let i = 0; i < count; i++) {
    if (i % 10 === 0) {
        group = new Group(`group-${Math.floor(i / 10)}`);
        previous = undefined;
    }
    previous = new Thing(`thing-${i}`, {
        label: `thing-${i}`,
        size: i,
        tags: ["bench", `group-${Math.floor(i / 10)}`],
        previous: previous ? previous.label.apply(l => l + "/next") : "none",
        password: pulumi.secret(`s3cret-${i}`),
    }, { parent: group });
}

exports.count = count;
exports.last = previous ? previous.label : undefined;
