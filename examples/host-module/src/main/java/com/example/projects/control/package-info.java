/** The product's logic: its store, its schema, and what it does when billing's events arrive. */
package com.example.projects.control;
