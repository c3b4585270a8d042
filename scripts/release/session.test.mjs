import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, test } from "node:test";
import { CheckFailure } from "./exec.mjs";
import { createSession, createSteps } from "./session.mjs";

const quiet = () => {};
const workTree = resolve(import.meta.dirname, "../..");

describe("createSteps", () => {
  test("a failed step is recorded and the run goes on", async () => {
    const steps = createSteps(quiet);
    await steps.step("first", () => {
      throw new CheckFailure("first broke");
    });
    const value = await steps.step("second", () => 42);
    assert.equal(value, 42);
    assert.equal(steps.ok(), false);
    assert.match(steps.summary("run"), /run: 1 of 2 steps did not pass/);
    assert.match(steps.summary("run"), /FAIL {2}first/);
    assert.match(steps.summary("run"), /ok {4}second/);
  });

  test("after a required step fails, the rest are skipped, not run", async () => {
    const steps = createSteps(quiet);
    let ran = false;
    await steps.step("registry", () => Promise.reject(new CheckFailure("no port")), { required: true });
    await steps.step("install", () => {
      ran = true;
    });
    assert.equal(ran, false);
    assert.match(steps.summary("run"), /skip {2}install +not run: "registry" failed/);
    assert.equal(steps.ok(), false);
  });

  test("all steps passing is ok; no steps at all is not", async () => {
    const empty = createSteps(quiet);
    assert.equal(empty.ok(), false);
    const steps = createSteps(quiet);
    await steps.step("only", () => undefined);
    assert.equal(steps.ok(), true);
    assert.match(steps.summary("run"), /run: all checks passed/);
  });

  test("a check failure prints its message; an unexpected error prints its stack", async () => {
    const lines = [];
    const steps = createSteps((line) => lines.push(line));
    await steps.step("expected", () => {
      throw new CheckFailure("the tarball has tests");
    });
    await steps.step("bug", () => {
      throw new TypeError("x is undefined");
    });
    const printed = lines.join("\n");
    assert.match(printed, /FAIL expected .*\nthe tarball has tests/);
    assert.match(printed, /TypeError: x is undefined\n\s+at /);
  });
});

describe("createSession", () => {
  test("close runs cleanups last-first once, and removes the temp folder", () => {
    const session = createSession(workTree, "qwenkit-session-test-");
    writeFileSync(join(session.dir, "file"), "x");
    const order = [];
    session.onClose(() => order.push("first"));
    session.onClose(() => order.push("second"));
    session.close();
    session.close();
    assert.deepEqual(order, ["second", "first"]);
    assert.equal(existsSync(session.dir), false);
  });

  test("keep leaves the folder", () => {
    const session = createSession(workTree, "qwenkit-session-test-", { keep: true });
    session.close();
    assert.equal(existsSync(session.dir), true);
    rmSync(session.dir, { recursive: true });
  });

  test("a temp folder inside the work tree is refused", () => {
    const tree = mkdtempSync(join(tmpdir(), "qwenkit-tree-"));
    try {
      assert.throws(
        () => createSession(tree, "qwenkit-session-test-", { tempRoot: tree }),
        /inside the work tree; point TMPDIR elsewhere/,
      );
      assert.deepEqual(readdirSync(tree), [], "the refused temp folder was left behind");
    } finally {
      rmSync(tree, { recursive: true });
    }
  });
});
