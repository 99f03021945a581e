/**
 * A pretend product feature, "projects", built on Portico as a host product's own module: its
 * resources are guarded by the workspace's billing ({@code @Guarded}), and it archives a
 * workspace's projects when billing says the subscription ended. It imports nothing of Portico's
 * but the {@code api} packages.
 */
package com.example.projects;
