/** Billing over HTTP: portal sessions and the workspace's billing status. */
package dev.portico.web.billing;
